namespace CarteValoise.Grains.Canteen;

[GenerateSerializer]
public sealed class SchoolDayState
{
    /// <summary>Child id -> the tap that counted as the child's meal.</summary>
    [Id(0)] public Dictionary<string, string> Meals { get; set; } = [];
}

public sealed class SchoolDayGrain(
    [PersistentState("schoolday", GrainKeys.StorageName)] IPersistentState<SchoolDayState> state) : Grain, ISchoolDayGrain
{
    private bool _dirty;

    public Task RecordMeal(string childId, string tapId)
    {
        if (state.State.Meals.TryAdd(childId, tapId)) _dirty = true;
        return Task.CompletedTask;
    }

    public async Task RecordMealsDurably(IReadOnlyList<MealTaken> meals)
    {
        var key = this.GetPrimaryKeyString();
        if (meals.FirstOrDefault(m => m.SchoolDayId != key) is { } stray)
            throw new ArgumentException($"Le repas de {stray.ChildId} appartient à la journée {stray.SchoolDayId}, pas à {key}.");
        foreach (var meal in meals) await RecordMeal(meal.ChildId, meal.TapId);
        // Not dirty means what this activation holds is what storage holds: it read it or wrote it last.
        await Flush();
    }

    public async Task Flush()
    {
        if (!_dirty) return;
        await state.WriteStateAsync();
        _dirty = false;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task<IReadOnlyList<string>> GetMealChildIds() => Task.FromResult<IReadOnlyList<string>>(state.State.Meals.Keys.ToList());

    public Task<int> GetMealCount() => Task.FromResult(state.State.Meals.Count);
}

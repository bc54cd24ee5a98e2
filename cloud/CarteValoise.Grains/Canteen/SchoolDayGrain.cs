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
    public async Task RecordMeal(string childId, string tapId)
    {
        if (!state.State.Meals.TryAdd(childId, tapId)) return;
        await state.WriteStateAsync();
    }

    public Task<int> GetMealCount() => Task.FromResult(state.State.Meals.Count);
}

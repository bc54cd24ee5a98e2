using CarteValoise.Domain.Calendar;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Children;

[GenerateSerializer]
public sealed class ChildState
{
    [Id(0)] public ChildProfile? Profile { get; set; }
    [Id(1)] public List<ChildTapRecord> Taps { get; set; } = [];
}

public sealed class ChildGrain(
    [PersistentState("child", GrainKeys.StorageName)] IPersistentState<ChildState> state) : Grain, IChildGrain
{
    private Dictionary<string, ChildTapRecord>? _tapsById;
    private HashSet<DateOnly>? _mealDays;

    private Dictionary<string, ChildTapRecord> TapsById => _tapsById ??= state.State.Taps.ToDictionary(t => t.TapId);

    private HashSet<DateOnly> MealDays => _mealDays ??= state.State.Taps.Where(t => t.Meal).Select(t => ServiceDay.Of(t.ReadAt)).ToHashSet();

    public async Task Enrol(ChildProfile profile)
    {
        if (state.State.Profile == profile) return;
        state.State.Profile = profile;
        await state.WriteStateAsync();
    }

    public Task<ChildProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task RecordTaps(IReadOnlyList<ChildTap> taps)
    {
        var profile = state.State.Profile ?? throw new InvalidOperationException($"L'enfant {this.GetPrimaryKeyString()} n'est pas inscrit.");
        var added = new List<ChildTapRecord>();
        var meals = new List<ChildTapRecord>();
        foreach (var tap in taps)
        {
            if (!TapsById.TryGetValue(tap.TapId, out var record))
            {
                // A refused périscolaire tap is no arrival nor departure; a refused canteen tap is still
                // shown to the family (the card was read), just not as a meal.
                if (tap.Service != TapService.Canteen && !tap.Served) continue;
                var day = ServiceDay.Of(tap.ReadAt);
                var meal = tap.Service == TapService.Canteen && tap.Served && !MealDays.Contains(day);
                record = new ChildTapRecord(tap.TapId, tap.ReadAt, tap.SchoolId, meal, tap.Service);
                Add(record);
                added.Add(record);
            }
            if (record.Meal) meals.Add(record);
        }

        if (added.Count > 0)
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                // Not durable, so not applied: the box's resend must find these taps new again.
                foreach (var record in added) Remove(record);
                throw;
            }
        }

        // Replayed as well as first seen: a crash between this grain's write and these calls must not
        // lose the charge or the count, and both calls are idempotent on the tap id.
        await Task.WhenAll(meals.Select(meal => Task.WhenAll(
            GrainFactory.GetGrain<IFamilyGrain>(profile.FamilyId).ChargeMeal($"meal:{meal.TapId}", profile.FirstName, meal.ReadAt),
            GrainFactory.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(meal.SchoolId, ServiceDay.Of(meal.ReadAt)))
                .RecordMeal(this.GetPrimaryKeyString(), meal.TapId))));
    }

    public Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day) =>
        Task.FromResult<IReadOnlyList<ChildTapRecord>>(state.State.Taps
            .Where(t => ServiceDay.Of(t.ReadAt) == day)
            .OrderBy(t => t.ReadAt)
            .ToList());

    private void Add(ChildTapRecord record)
    {
        state.State.Taps.Add(record);
        TapsById[record.TapId] = record;
        if (record.Meal) MealDays.Add(ServiceDay.Of(record.ReadAt));
    }

    private void Remove(ChildTapRecord record)
    {
        state.State.Taps.Remove(record);
        TapsById.Remove(record.TapId);
        if (record.Meal) MealDays.Remove(ServiceDay.Of(record.ReadAt));
    }
}

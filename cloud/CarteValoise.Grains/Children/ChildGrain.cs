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

    private Dictionary<string, ChildTapRecord> TapsById => _tapsById ??= state.State.Taps.ToDictionary(t => t.TapId);

    public async Task Enrol(ChildProfile profile)
    {
        if (state.State.Profile == profile) return;
        state.State.Profile = profile;
        await state.WriteStateAsync();
    }

    public Task<ChildProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task<CanteenTapOutcome> RecordCanteenTap(CanteenTap tap)
    {
        var profile = state.State.Profile ?? throw new InvalidOperationException($"L'enfant {this.GetPrimaryKeyString()} n'est pas inscrit.");
        if (!TapsById.TryGetValue(tap.TapId, out var record))
        {
            var day = ServiceDay.Of(tap.ReadAt);
            var mealAlreadyTaken = state.State.Taps.Any(t => t.Meal && ServiceDay.Of(t.ReadAt) == day);
            record = new ChildTapRecord(tap.TapId, tap.ReadAt, tap.SchoolId, tap.Served && !mealAlreadyTaken);
            state.State.Taps.Add(record);
            TapsById[record.TapId] = record;
            await state.WriteStateAsync();
        }

        if (!record.Meal) return CanteenTapOutcome.AlreadyServed;

        // Replayed as well as first seen: a crash between this grain's write and these calls must not
        // lose the charge or the count, and both calls are idempotent on the tap id.
        await GrainFactory.GetGrain<IFamilyGrain>(profile.FamilyId).ChargeMeal($"meal:{record.TapId}", profile.FirstName, record.ReadAt);
        await GrainFactory.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(record.SchoolId, ServiceDay.Of(record.ReadAt)))
            .RecordMeal(this.GetPrimaryKeyString(), record.TapId);
        return CanteenTapOutcome.MealRecorded;
    }

    public async Task RecordCareTap(CareTap tap)
    {
        if (TapsById.ContainsKey(tap.TapId)) return;
        var record = new ChildTapRecord(tap.TapId, tap.ReadAt, tap.SchoolId, Meal: false,
            tap.CheckIn ? TapService.CareCheckIn : TapService.CareCheckOut);
        state.State.Taps.Add(record);
        TapsById[record.TapId] = record;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day) =>
        Task.FromResult<IReadOnlyList<ChildTapRecord>>(state.State.Taps
            .Where(t => ServiceDay.Of(t.ReadAt) == day)
            .OrderBy(t => t.ReadAt)
            .ToList());
}

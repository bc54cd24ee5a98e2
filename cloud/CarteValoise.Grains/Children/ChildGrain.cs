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
    // Taps are applied in memory and persisted by Flush, which the box's device grain calls once the
    // taps are in its durable journal: a batch then costs one write, not one per grain it reaches.
    private bool _dirty;
    private readonly HashSet<string> _touchedFamilies = [];
    private readonly HashSet<string> _touchedSchoolDays = [];

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
                _dirty = true;
            }
            if (record.Meal) meals.Add(record);
        }

        // Replayed as well as first seen: after a crash the box's journal applies the tap again, and
        // the charge and the count must then reach the family and the school day; both are idempotent.
        foreach (var meal in meals)
        {
            var family = GrainFactory.GetGrain<IFamilyGrain>(profile.FamilyId);
            var schoolDay = GrainFactory.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(meal.SchoolId, ServiceDay.Of(meal.ReadAt)));
            await Task.WhenAll(family.ChargeService($"meal:{meal.TapId}", new ServiceCharge(profile.ChildId, profile.FirstName, Domain.Canteen.SchoolService.Canteen, meal.ReadAt, profile.PaiHomeMeal, Reserved: true)), schoolDay.RecordMeal(this.GetPrimaryKeyString(), meal.TapId));
            _touchedFamilies.Add(profile.FamilyId);
            _touchedSchoolDays.Add(schoolDay.GetPrimaryKeyString());
        }
    }

    public async Task Flush()
    {
        if (_dirty)
        {
            await state.WriteStateAsync();
            _dirty = false;
        }
        var families = _touchedFamilies.ToList();
        var schoolDays = _touchedSchoolDays.ToList();
        await Task.WhenAll(
            families.Select(id => GrainFactory.GetGrain<IFamilyGrain>(id).Flush())
                .Concat(schoolDays.Select(id => GrainFactory.GetGrain<ISchoolDayGrain>(id).Flush())));
        _touchedFamilies.ExceptWith(families);
        _touchedSchoolDays.ExceptWith(schoolDays);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day) =>
        Task.FromResult<IReadOnlyList<ChildTapRecord>>(state.State.Taps
            .Where(t => ServiceDay.Of(t.ReadAt) == day)
            .OrderBy(t => t.ReadAt)
            .ToList());

    public Task<IReadOnlyList<ChildTapRecord>> GetTapsBetween(DateOnly first, DateOnly last) => throw new NotImplementedException();
    public Task<ReservationResult> ChangeReservations(string operationId, IReadOnlyList<ReservationChange> changes, string requestedBy) => throw new NotImplementedException();
    public Task<ChildCalendar> GetCalendar(DateOnly first, DateOnly last) => throw new NotImplementedException();
    public Task<ChildMonthUses> GetMonthUses(DateOnly monthStart) => throw new NotImplementedException();
    public Task IssueCard(string cardUid) => throw new NotImplementedException();
    public Task ReportCardLost() => throw new NotImplementedException();

    private void Add(ChildTapRecord record)
    {
        state.State.Taps.Add(record);
        TapsById[record.TapId] = record;
        if (record.Meal) MealDays.Add(ServiceDay.Of(record.ReadAt));
    }
}

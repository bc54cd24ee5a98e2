using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Children;

// The taps the boxes report: kept once each, the day's meal and each care session charged once.
public sealed partial class ChildGrain
{
    private Dictionary<string, ChildTapRecord>? _tapsById;
    private HashSet<DateOnly>? _mealDays;
    private Dictionary<string, CareSessionTaken>? _careByTap;
    private HashSet<(DateOnly Day, SchoolService Session)>? _careSessions;
    // Taps are first applied in memory (RecordTaps), once they are in their box's durable journal;
    // the box's checkpoint then hands them again to RecordTapsDurably, which persists: a batch costs
    // one write per grain at each checkpoint, not one per grain per tap.
    private bool _dirty;
    private readonly HashSet<string> _touchedFamilies = [];
    private readonly HashSet<string> _touchedSchoolDays = [];

    private Dictionary<string, ChildTapRecord> TapsById => _tapsById ??= state.State.Taps.ToDictionary(t => t.TapId);

    private HashSet<DateOnly> MealDays => _mealDays ??= state.State.Taps.Where(t => t.Meal).Select(t => ServiceDay.Of(t.ReadAt)).ToHashSet();

    private Dictionary<string, CareSessionTaken> CareByTap => _careByTap ??= state.State.CareSessions.ToDictionary(c => c.TapId);

    private HashSet<(DateOnly Day, SchoolService Session)> CareSessionsTaken =>
        _careSessions ??= state.State.CareSessions.Select(c => (c.Day, c.Session)).ToHashSet();

    public async Task RecordTaps(IReadOnlyList<ChildTap> taps)
    {
        var effects = Apply(taps);
        // Replayed as well as first seen: after a crash the box's journal applies the tap again, and
        // the charge and the count must then reach the family and the school day; both are idempotent.
        if (effects.Charges.Count > 0)
        {
            _touchedFamilies.Add(effects.FamilyId);
            var family = GrainFactory.GetGrain<IFamilyGrain>(effects.FamilyId);
            foreach (var charge in effects.Charges) await family.ChargeService(charge.OperationId, charge.Charge);
        }
        _touchedSchoolDays.UnionWith(effects.Meals.Select(m => m.SchoolDayId));
        await Task.WhenAll(effects.Meals.Select(m => GrainFactory.GetGrain<ISchoolDayGrain>(m.SchoolDayId).RecordMeal(m.ChildId, m.TapId)));
    }

    public async Task<TapEffects> RecordTapsDurably(IReadOnlyList<ChildTap> taps)
    {
        var effects = Apply(taps);
        // Not dirty means what this activation holds is what storage holds: it read it or wrote it last.
        if (_dirty) await Save();
        return effects;
    }

    /// <summary>
    /// Keeps the taps not seen yet, and names what every tap given calls for, whether first seen or
    /// kept before: the charges of the meal and care sessions it is the tap of, the meal it counts.
    /// </summary>
    private TapEffects Apply(IReadOnlyList<ChildTap> taps)
    {
        var profile = Enrolled;
        var charges = new List<ServiceChargeOperation>();
        var meals = new List<MealTaken>();
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
                if (tap.Service == TapService.CareCheckIn && CareSessions.SessionOf(tap.ReadAt) is var session
                    && !CareSessionsTaken.Contains((day, session)))
                    AddCareSession(new CareSessionTaken(day, session, tap.TapId));
                _dirty = true;
            }
            var taken = ServiceDay.Of(record.ReadAt);
            if (record.Meal)
            {
                charges.Add(new ServiceChargeOperation(MealOperation(profile.ChildId, taken), Charge(profile, SchoolService.Canteen, record)));
                meals.Add(new MealTaken(GrainKeys.SchoolDay(record.SchoolId, taken), profile.ChildId, record.TapId));
            }
            else if (CareByTap.TryGetValue(record.TapId, out var care))
                charges.Add(new ServiceChargeOperation(CareOperation(profile.ChildId, care.Day, care.Session), Charge(profile, care.Session, record)));
        }
        return new TapEffects(profile.FamilyId, charges, meals);
    }

    private ServiceCharge Charge(ChildProfile profile, SchoolService service, ChildTapRecord tap) =>
        new(profile.ChildId, profile.FirstName, service, tap.ReadAt,
            PaiHomeMeal: service == SchoolService.Canteen && profile.PaiHomeMeal, Reserved: IsReserved(ServiceDay.Of(tap.ReadAt), service));

    // A charge is named after the use (the day's meal, the session), not after the tap that was first:
    // after a crash, two boxes' journals may replay a day's taps in another order than the first time.
    /// <summary>«meal:{childId}:yyyy-MM-dd»: the family's operation id for the child's meal of the day.</summary>
    public static string MealOperation(string childId, DateOnly day) => $"meal:{childId}:{ServiceDay.Format(day)}";

    /// <summary>«care:{childId}:yyyy-MM-dd:MorningCare»: the family's operation id for one care session of the child.</summary>
    public static string CareOperation(string childId, DateOnly day, SchoolService session) => $"care:{childId}:{ServiceDay.Format(day)}:{session}";

    public async Task Flush()
    {
        if (_dirty) await Save();
        var families = _touchedFamilies.ToList();
        var schoolDays = _touchedSchoolDays.ToList();
        await Task.WhenAll(
            families.Select(id => GrainFactory.GetGrain<IFamilyGrain>(id).Flush())
                .Concat(schoolDays.Select(id => GrainFactory.GetGrain<ISchoolDayGrain>(id).Flush())));
        _touchedFamilies.ExceptWith(families);
        _touchedSchoolDays.ExceptWith(schoolDays);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day) => TapsFrom(day, day);

    public Task<IReadOnlyList<ChildTapRecord>> GetTapsBetween(DateOnly first, DateOnly last)
    {
        if (last < first)
            throw new ArgumentException($"La période est à l'envers : le {FrenchText.Day(last)} précède le {FrenchText.Day(first)}.");
        return TapsFrom(first, last);
    }

    private Task<IReadOnlyList<ChildTapRecord>> TapsFrom(DateOnly first, DateOnly last) =>
        Task.FromResult<IReadOnlyList<ChildTapRecord>>(state.State.Taps
            .Where(t => ServiceDay.Of(t.ReadAt) is var day && day >= first && day <= last)
            .OrderBy(t => t.ReadAt)
            .ToList());

    private void Add(ChildTapRecord record)
    {
        state.State.Taps.Add(record);
        TapsById[record.TapId] = record;
        if (record.Meal) MealDays.Add(ServiceDay.Of(record.ReadAt));
    }

    private void AddCareSession(CareSessionTaken session)
    {
        state.State.CareSessions.Add(session);
        CareByTap[session.TapId] = session;
        CareSessionsTaken.Add((session.Day, session.Session));
    }
}

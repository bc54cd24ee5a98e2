using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;

namespace CarteValoise.Grains.Schools;

[GenerateSerializer]
public sealed class SchoolState
{
    [Id(0)] public SchoolProfile? Profile { get; set; }
    [Id(1)] public Dictionary<string, RosterChild> Children { get; set; } = [];
    [Id(2)] public long Version { get; set; }
    /// <summary>Child id -> the roster version that last changed the child's entry.</summary>
    [Id(3)] public Dictionary<string, long> ChangedAt { get; set; } = [];
    /// <summary>Cards taken off the roster (replaced, child left), with the version that removed them.</summary>
    [Id(4)] public List<RemovedCard> Removed { get; set; } = [];
    /// <summary>Child id -> the single days where the child's reservation differs from, or confirms, the standing days.</summary>
    [Id(5)] public Dictionary<string, List<DayReservation>> Reservations { get; set; } = [];
}

[GenerateSerializer, Immutable]
public sealed record RemovedCard([property: Id(0)] string CardUid, [property: Id(1)] long Version);

/// <summary>A child's reservation of one service on one day, as the child grain decided it.</summary>
[GenerateSerializer, Immutable]
public sealed record DayReservation([property: Id(0)] DateOnly Day, [property: Id(1)] SchoolService Service, [property: Id(2)] bool Reserved);

public sealed class SchoolGrain(
    [PersistentState("school", GrainKeys.StorageName)] IPersistentState<SchoolState> state,
    TimeProvider time) : Grain, ISchoolGrain
{
    // Removals kept for partial deltas; a box further behind than this gets the full roster.
    private const int RemovalsKept = 1000;
    // The day number takes the low 20 bits of the version a box holds (DayNumber < 2^20 until 2871).
    private const int DayBits = 20;
    // Single days older than this are of no use to a box or a forecast any more; the child grain keeps them.
    private const int ReservationDaysKept = 7;

    private static readonly SchoolService[] CareServices = [SchoolService.MorningCare, SchoolService.EveningCare, SchoolService.WednesdayCare];

    public async Task Configure(SchoolProfile profile)
    {
        if (state.State.Profile == profile) return;
        state.State.Profile = profile;
        state.State.Version++;
        await Save();
    }

    public Task<SchoolProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task EnrolChild(RosterChild child)
    {
        var known = state.State.Children.GetValueOrDefault(child.ChildId);
        if (known is not null && SameAs(known, child)) return;
        state.State.Version++;
        if (known is not null && known.CardUid != child.CardUid) RemoveCard(known.CardUid);
        state.State.Children[child.ChildId] = child;
        state.State.ChangedAt[child.ChildId] = state.State.Version;
        await Save();
    }

    public async Task RemoveChild(string childId)
    {
        if (!state.State.Children.Remove(childId, out var known)) return;
        state.State.Version++;
        RemoveCard(known.CardUid);
        state.State.ChangedAt.Remove(childId);
        state.State.Reservations.Remove(childId);
        await Save();
    }

    public async Task SetReservations(string childId, IReadOnlyList<ReservationChange> changes)
    {
        var days = state.State.Reservations.GetValueOrDefault(childId) ?? [];
        var child = state.State.Children.GetValueOrDefault(childId);
        var changed = false;
        foreach (var change in changes)
        {
            var index = days.FindIndex(d => d.Day == change.Day && d.Service == change.Service);
            if (index >= 0 ? days[index].Reserved == change.Reserved
                    : child is not null && StandingDays(child, change.Service).Contains(change.Day.DayOfWeek) == change.Reserved)
                continue; // already so: nothing for the boxes to hear
            var reservation = new DayReservation(change.Day, change.Service, change.Reserved);
            if (index >= 0) days[index] = reservation; else days.Add(reservation);
            changed = true;
        }
        if (!changed) return;
        state.State.Reservations[childId] = days;
        PruneReservations();
        // The box holding today's roster hears of the child at its next delta (a change for another day
        // costs it one unchanged entry; the next day brings a full roster anyway).
        state.State.Version++;
        if (child is not null) state.State.ChangedAt[childId] = state.State.Version;
        await Save();
    }

    public Task<IReadOnlyList<PlannedChild>> GetDayPlan(DateOnly day, SchoolService service) =>
        Task.FromResult<IReadOnlyList<PlannedChild>>(state.State.Children.Values
            .Select(c => new PlannedChild(c.ChildId, c.FirstName, c.LastName, c.Class, c.AllergyPlan, Reserved(c, day, service)))
            .OrderBy(c => c.LastName, StringComparer.Ordinal).ThenBy(c => c.FirstName, StringComparer.Ordinal).ThenBy(c => c.ChildId, StringComparer.Ordinal)
            .ToList());

    public Task<RosterSnapshot> GetRoster(long knownVersion, DateOnly day)
    {
        // "Expected today" depends on the day as well as on the roster, so the version a box holds
        // names both: the roster's own version in the high bits, the day in the low bits.
        var version = (state.State.Version << DayBits) | (uint)day.DayNumber;
        var name = state.State.Profile?.Name ?? this.GetPrimaryKeyString();
        if (version == knownVersion)
            return Task.FromResult(new RosterSnapshot(version, false, name, day, [], false, []));

        var knownRoster = knownVersion >> DayBits;
        var sameDay = knownVersion > 0 && (knownVersion & ((1L << DayBits) - 1)) == day.DayNumber;
        var oldestRemoval = state.State.Removed.Count == RemovalsKept ? state.State.Removed[0].Version : 0;
        // A child without a card is planned for, but no box can recognise them.
        var carded = state.State.Children.Values.Where(c => c.CardUid.Length > 0);
        if (sameDay && knownRoster <= state.State.Version && knownRoster >= oldestRemoval)
        {
            var changed = carded
                .Where(c => state.State.ChangedAt.GetValueOrDefault(c.ChildId) > knownRoster)
                .Select(c => Entry(c, day)).ToList();
            var removed = state.State.Removed.Where(r => r.Version > knownRoster).Select(r => r.CardUid)
                .Where(uid => state.State.Children.Values.All(c => c.CardUid != uid)).Distinct().ToList();
            return Task.FromResult(new RosterSnapshot(version, true, name, day, changed, false, removed));
        }

        var entries = carded.Select(c => Entry(c, day)).ToList();
        return Task.FromResult(new RosterSnapshot(version, true, name, day, entries, true, []));
    }

    // A failed write leaves memory ahead of storage, and a retry would find nothing left to do:
    // the next call starts again from what is stored.
    private async Task Save()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    private void RemoveCard(string cardUid)
    {
        if (cardUid.Length == 0) return;
        state.State.Removed.Add(new RemovedCard(cardUid, state.State.Version));
        if (state.State.Removed.Count > RemovalsKept) state.State.Removed.RemoveRange(0, state.State.Removed.Count - RemovalsKept);
    }

    private void PruneReservations()
    {
        var oldest = ServiceDay.Today(time).AddDays(-ReservationDaysKept);
        foreach (var (childId, days) in state.State.Reservations.ToList())
        {
            days.RemoveAll(d => d.Day < oldest);
            if (days.Count == 0) state.State.Reservations.Remove(childId);
        }
    }

    private RosterEntryRecord Entry(RosterChild c, DateOnly day) =>
        new(c.CardUid, c.ChildId, c.FirstName, Reserved(c, day, SchoolService.Canteen), c.AllergyPlan, c.Blocked,
            CareServices.Any(service => Reserved(c, day, service)));

    /// <summary>The single day's reservation when the family changed that day, else the standing weekdays.</summary>
    private bool Reserved(RosterChild c, DateOnly day, SchoolService service)
    {
        if (state.State.Reservations.TryGetValue(c.ChildId, out var days))
            foreach (var d in days)
                if (d.Day == day && d.Service == service) return d.Reserved;
        return StandingDays(c, service).Contains(day.DayOfWeek);
    }

    private static IReadOnlyList<DayOfWeek> StandingDays(RosterChild c, SchoolService service)
    {
        if (c.Standing is not null) return c.Standing.FirstOrDefault(s => s.Service == service)?.Days ?? [];
        return service == SchoolService.Canteen ? c.CanteenDays : c.CareDays ?? [];
    }

    private static bool SameAs(RosterChild a, RosterChild b) =>
        a with { CanteenDays = [], CareDays = null, Standing = null } == b with { CanteenDays = [], CareDays = null, Standing = null }
        && a.CanteenDays.SequenceEqual(b.CanteenDays)
        && (a.CareDays ?? []).SequenceEqual(b.CareDays ?? [])
        && (a.Standing is null) == (b.Standing is null)
        && (a.Standing ?? []).Count == (b.Standing ?? []).Count
        && (a.Standing ?? []).Zip(b.Standing ?? []).All(p => p.First.Service == p.Second.Service && p.First.Days.SequenceEqual(p.Second.Days));
}

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
}

[GenerateSerializer, Immutable]
public sealed record RemovedCard([property: Id(0)] string CardUid, [property: Id(1)] long Version);

public sealed class SchoolGrain(
    [PersistentState("school", GrainKeys.StorageName)] IPersistentState<SchoolState> state) : Grain, ISchoolGrain
{
    // Removals kept for partial deltas; a box further behind than this gets the full roster.
    private const int RemovalsKept = 1000;
    // The day number takes the low 20 bits of the version a box holds (DayNumber < 2^20 until 2871).
    private const int DayBits = 20;

    public async Task Configure(SchoolProfile profile)
    {
        if (state.State.Profile == profile) return;
        state.State.Profile = profile;
        state.State.Version++;
        await state.WriteStateAsync();
    }

    public Task<SchoolProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task EnrolChild(RosterChild child)
    {
        var known = state.State.Children.GetValueOrDefault(child.ChildId);
        if (known is not null && SameAs(known, child)) return;
        state.State.Version++;
        if (known is not null && known.CardUid != child.CardUid)
            state.State.Removed.Add(new RemovedCard(known.CardUid, state.State.Version));
        if (state.State.Removed.Count > RemovalsKept) state.State.Removed.RemoveRange(0, state.State.Removed.Count - RemovalsKept);
        state.State.Children[child.ChildId] = child;
        state.State.ChangedAt[child.ChildId] = state.State.Version;
        await state.WriteStateAsync();
    }

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
        if (sameDay && knownRoster <= state.State.Version && knownRoster >= oldestRemoval)
        {
            var changed = state.State.Children.Values
                .Where(c => state.State.ChangedAt.GetValueOrDefault(c.ChildId) > knownRoster)
                .Select(c => Entry(c, day)).ToList();
            var removed = state.State.Removed.Where(r => r.Version > knownRoster).Select(r => r.CardUid)
                .Where(uid => state.State.Children.Values.All(c => c.CardUid != uid)).Distinct().ToList();
            return Task.FromResult(new RosterSnapshot(version, true, name, day, changed, false, removed));
        }

        var entries = state.State.Children.Values.Select(c => Entry(c, day)).ToList();
        return Task.FromResult(new RosterSnapshot(version, true, name, day, entries, true, []));
    }

    public Task SetReservations(string childId, IReadOnlyList<ReservationChange> changes) => throw new NotImplementedException();
    public Task<IReadOnlyList<PlannedChild>> GetDayPlan(DateOnly day, SchoolService service) => throw new NotImplementedException();

    private static RosterEntryRecord Entry(RosterChild c, DateOnly day) =>
        new(c.CardUid, c.ChildId, c.FirstName, c.CanteenDays.Contains(day.DayOfWeek), c.AllergyPlan, c.Blocked,
            c.CareDays?.Contains(day.DayOfWeek) ?? false);

    private static bool SameAs(RosterChild a, RosterChild b) =>
        a with { CanteenDays = [], CareDays = null } == b with { CanteenDays = [], CareDays = null }
        && a.CanteenDays.SequenceEqual(b.CanteenDays)
        && (a.CareDays ?? []).SequenceEqual(b.CareDays ?? []);
}

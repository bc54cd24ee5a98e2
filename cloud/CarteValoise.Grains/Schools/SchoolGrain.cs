namespace CarteValoise.Grains.Schools;

[GenerateSerializer]
public sealed class SchoolState
{
    [Id(0)] public SchoolProfile? Profile { get; set; }
    [Id(1)] public Dictionary<string, RosterChild> Children { get; set; } = [];
    [Id(2)] public long Version { get; set; }
}

public sealed class SchoolGrain(
    [PersistentState("school", GrainKeys.StorageName)] IPersistentState<SchoolState> state) : Grain, ISchoolGrain
{
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
        if (state.State.Children.TryGetValue(child.ChildId, out var known) && SameAs(known, child)) return;
        state.State.Children[child.ChildId] = child;
        state.State.Version++;
        await state.WriteStateAsync();
    }

    public Task<RosterSnapshot> GetRoster(long knownVersion, DateOnly day)
    {
        // "Expected today" depends on the day as well as on the roster, so the version a box holds
        // names both: the roster's own version in the high bits, the day number in the low 20 bits
        // (DayNumber stays below 2^20 until the year 2871).
        var version = (state.State.Version << 20) | (uint)day.DayNumber;
        var name = state.State.Profile?.Name ?? this.GetPrimaryKeyString();
        if (version == knownVersion)
            return Task.FromResult(new RosterSnapshot(version, false, name, day, []));
        var entries = state.State.Children.Values
            .Select(c => new RosterEntryRecord(c.CardUid, c.ChildId, c.FirstName, c.CanteenDays.Contains(day.DayOfWeek), c.AllergyPlan, c.Blocked))
            .ToList();
        return Task.FromResult(new RosterSnapshot(version, true, name, day, entries));
    }

    private static bool SameAs(RosterChild a, RosterChild b) =>
        a with { CanteenDays = [] } == b with { CanteenDays = [] } && a.CanteenDays.SequenceEqual(b.CanteenDays);
}

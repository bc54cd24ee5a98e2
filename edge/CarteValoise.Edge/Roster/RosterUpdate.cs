namespace CarteValoise.Edge.Roster;

/// <summary>
/// A roster change from the cloud, in the box's terms (UIDs normalised): <see cref="Full"/>
/// replaces everything; otherwise upserts and removals apply on top of what the box holds.
/// </summary>
public sealed record RosterUpdate(
    long Version,
    bool Full,
    IReadOnlyList<RosterChild> Upserts,
    IReadOnlyList<string> RemovedCardUids,
    string SchoolName,
    DateOnly ServiceDate);

/// <summary>The roster as it stands after an update.</summary>
public sealed record RosterApplied(long Version, int Entries);

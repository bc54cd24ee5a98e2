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

/// <summary>What became of an update, and the roster as it stands after it.</summary>
public sealed record RosterApplied(RosterOutcome Outcome, long Version, int Entries);

public enum RosterOutcome
{
    Applied,

    /// <summary>A partial update the box already holds (or an older one): a replay, changes nothing.</summary>
    AlreadyHeld,

    /// <summary>
    /// A partial update made for another version than the one the box holds: applying it would
    /// mix two rosters. Changes nothing; the box must announce its version again.
    /// </summary>
    NotOnTop,
}

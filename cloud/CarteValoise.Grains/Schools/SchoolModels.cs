using CarteValoise.Grains.Children;

namespace CarteValoise.Grains.Schools;

[GenerateSerializer, Immutable]
public sealed record SchoolProfile([property: Id(0)] string SchoolId, [property: Id(1)] string Name, [property: Id(2)] string CommuneCode);

/// <summary>
/// What a reader box may know of an enrolled child: pseudonymous id, first name, card and flags;
/// and what the school's day plans need besides: names, class, and the standing weekdays of each
/// service (<see cref="Standing"/>; when absent, <see cref="CanteenDays"/> and <see cref="CareDays"/>).
/// An empty <see cref="CardUid"/>: no card yet, the child is planned for but on no box's roster.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RosterChild(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string CardUid,
    [property: Id(3)] IReadOnlyList<DayOfWeek> CanteenDays,
    [property: Id(4)] bool AllergyPlan,
    [property: Id(5)] bool Blocked,
    [property: Id(6)] IReadOnlyList<DayOfWeek>? CareDays = null,
    [property: Id(7)] string LastName = "",
    [property: Id(8)] string Class = "",
    [property: Id(9)] IReadOnlyList<StandingReservation>? Standing = null);

[GenerateSerializer, Immutable]
public sealed record RosterEntryRecord(
    [property: Id(0)] string CardUid,
    [property: Id(1)] string ChildId,
    [property: Id(2)] string FirstName,
    [property: Id(3)] bool CanteenToday,
    [property: Id(4)] bool AllergyPlan,
    [property: Id(5)] bool Blocked,
    [property: Id(6)] bool CareToday);

/// <summary>
/// The roster of one school for one day, as a box needs it: nothing when the box's version is current
/// (Changed false), the entries changed and the cards removed since that version (Full false), or
/// everything (Full true).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RosterSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] bool Changed,
    [property: Id(2)] string SchoolName,
    [property: Id(3)] DateOnly Day,
    [property: Id(4)] IReadOnlyList<RosterEntryRecord> Entries,
    [property: Id(5)] bool Full,
    [property: Id(6)] IReadOnlyList<string> RemovedCardUids);

/// <summary>
/// A child of the school for one service on one day, as the agents' count page and the kitchen
/// list need it: reserved (standing reservation or single-day change) or not.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PlannedChild(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Class,
    [property: Id(4)] bool AllergyPlan,
    [property: Id(5)] bool Reserved);

namespace CarteValoise.Grains.Children;

[GenerateSerializer, Immutable]
public sealed record ChildProfile(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string SchoolId,
    [property: Id(4)] string FirstName,
    [property: Id(5)] string LastName,
    [property: Id(6)] string CardUid);

public enum TapService { Canteen = 0, CareCheckIn = 1, CareCheckOut = 2 }

/// <summary>A tap as the child's record keeps it; <see cref="Meal"/> marks the one tap that counted as the day's meal.</summary>
[GenerateSerializer, Immutable]
public sealed record ChildTapRecord(
    [property: Id(0)] string TapId,
    [property: Id(1)] DateTimeOffset ReadAt,
    [property: Id(2)] string SchoolId,
    [property: Id(3)] bool Meal,
    [property: Id(4)] TapService Service = TapService.Canteen);

/// <summary>
/// A card read at a box, identified by "boxId:sequence" so that a replay is recognised.
/// <see cref="Served"/> is the box's decision that the child was let through (accepted).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChildTap(
    [property: Id(0)] string TapId,
    [property: Id(1)] DateTimeOffset ReadAt,
    [property: Id(2)] string SchoolId,
    [property: Id(3)] TapService Service,
    [property: Id(4)] bool Served);

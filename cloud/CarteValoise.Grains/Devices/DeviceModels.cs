namespace CarteValoise.Grains.Devices;

[GenerateSerializer, Immutable]
public sealed record DeviceEnrolment(
    [property: Id(0)] string BoxId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string SecretHash);

public enum BoxServiceKind { Canteen = 1, CareCheckIn = 2, CareCheckOut = 3 }

public enum BoxDecision { Accepted = 1, AlreadyServed = 2, NotExpected = 3, UnknownCard = 4, BlockedCard = 5 }

/// <summary>A tap as the box sent it. The decision is the box's; the cloud counts a meal only for an accepted tap.</summary>
[GenerateSerializer, Immutable]
public sealed record BoxTap(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string CardUid,
    [property: Id(2)] DateTimeOffset ReadAt,
    [property: Id(3)] BoxServiceKind Service,
    [property: Id(4)] BoxDecision Decision);

/// <summary>What an agent sees of a box: where it is and how far its taps are durable.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceStatus(
    [property: Id(0)] string BoxId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] long DurableThrough,
    [property: Id(3)] DateTimeOffset? LastSeenAt);

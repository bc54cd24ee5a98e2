using CarteValoise.Grains.Children;

namespace CarteValoise.Grains.Devices;

[GenerateSerializer, Immutable]
public sealed record DeviceEnrolment(
    [property: Id(0)] string BoxId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string SecretHash);

public enum BoxDecision { Accepted = 1, AlreadyServed = 2, NotExpected = 3, UnknownCard = 4, BlockedCard = 5 }

/// <summary>A tap as the box sent it. The decision is the box's; the cloud counts a meal only for an accepted tap.</summary>
[GenerateSerializer, Immutable]
public sealed record BoxTap(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string CardUid,
    [property: Id(2)] DateTimeOffset ReadAt,
    [property: Id(3)] TapService Service,
    [property: Id(4)] BoxDecision Decision);

/// <summary>What a box says of itself every half-minute or so.</summary>
[GenerateSerializer, Immutable]
public sealed record BoxHeartbeat(
    [property: Id(0)] DateTimeOffset ReceivedAt,
    [property: Id(1)] string SoftwareVersion,
    [property: Id(2)] long OutboxDepth,
    [property: Id(3)] DateTimeOffset? OldestUnsentReadAt,
    [property: Id(4)] DateTimeOffset? LastReadAt,
    [property: Id(5)] string ReaderStatus,
    [property: Id(6)] long LastSequence,
    [property: Id(7)] string Mode);

/// <summary>What an agent sees of a box: where it is, how far its taps are durable, what it last said.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceStatus(
    [property: Id(0)] string BoxId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] long DurableThrough,
    [property: Id(3)] DateTimeOffset? LastSeenAt,
    [property: Id(4)] string Label,
    [property: Id(5)] bool Enrolled,
    [property: Id(6)] BoxHeartbeat? LastHeartbeat);

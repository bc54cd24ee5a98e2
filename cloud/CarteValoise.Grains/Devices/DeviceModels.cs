namespace CarteValoise.Grains.Devices;

[GenerateSerializer, Immutable]
public sealed record DeviceEnrolment(
    [property: Id(0)] string BoxId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string SecretHash);

public enum BoxServiceKind { Canteen = 1, CareCheckIn = 2, CareCheckOut = 3 }

/// <summary>A tap as the box sent it. The decision is the box's; the cloud applies accepted canteen taps.</summary>
[GenerateSerializer, Immutable]
public sealed record BoxTap(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string CardUid,
    [property: Id(2)] DateTimeOffset ReadAt,
    [property: Id(3)] BoxServiceKind Service);

namespace CarteValoise.Grains.Families;

[GenerateSerializer, Immutable]
public sealed record FamilyProfile(
    [property: Id(0)] string FamilyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] int? QuotientFamilial,
    [property: Id(4)] string KioskPinHash);

/// <summary>One line of the family's account; the balance is the sum of these and nothing else.</summary>
[GenerateSerializer, Immutable]
public sealed record BalanceMovementRecord(
    [property: Id(0)] string OperationId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Label,
    [property: Id(3)] long AmountCents);

[GenerateSerializer, Immutable]
public sealed record FamilyAccount([property: Id(0)] long BalanceCents, [property: Id(1)] IReadOnlyList<BalanceMovementRecord> Movements);

/// <summary>An entry of the access log a family can read: who opened their data, when and why.</summary>
[GenerateSerializer, Immutable]
public sealed record AccessLogEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string What,
    [property: Id(4)] string Why,
    [property: Id(5)] bool Allowed);

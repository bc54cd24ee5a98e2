using CarteValoise.Domain.Canteen;

namespace CarteValoise.Grains.Communes;

/// <summary>How a price follows the quotient familial, as stored: one of three kinds (see <see cref="PriceRule"/>).</summary>
public enum PriceRuleKind { Flat = 0, Brackets = 1, PercentOfQuotient = 2 }

[GenerateSerializer, Immutable]
public sealed record PriceRuleRecord(
    [property: Id(0)] PriceRuleKind Kind,
    [property: Id(1)] long FlatCents = 0,
    [property: Id(2)] IReadOnlyList<TariffBracketRecord>? Brackets = null,
    [property: Id(3)] long FullPriceCents = 0,
    [property: Id(4)] decimal PercentOfQuotient = 0,
    [property: Id(5)] long FloorCents = 0,
    [property: Id(6)] long CeilingCents = 0);

/// <summary>What one service costs (see <see cref="ServiceTariff"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceTariffRecord(
    [property: Id(0)] PriceRuleRecord Resident,
    [property: Id(1)] PriceRuleRecord? OutsideCommune = null,
    [property: Id(2)] long? PaiHomeMealCents = null,
    [property: Id(3)] long UnreservedSurchargeCents = 0);

/// <summary>A service the commune runs: on which weekdays, in which schools (none listed: all of them), at what price.</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceRulesRecord(
    [property: Id(0)] SchoolService Service,
    [property: Id(1)] IReadOnlyList<DayOfWeek> Days,
    [property: Id(2)] IReadOnlyList<string> SchoolIds,
    [property: Id(3)] ServiceTariffRecord Tariff);

[GenerateSerializer, Immutable]
public sealed record SchoolHolidayRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly BeginsAfterClassOn,
    [property: Id(2)] DateOnly ClassesResumeOn);

/// <summary>The commune's copy of the school year (zone C by default, editable).</summary>
[GenerateSerializer, Immutable]
public sealed record SchoolYearRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly Rentree,
    [property: Id(2)] DateOnly SummerBeginsAfterClassOn,
    [property: Id(3)] IReadOnlyList<SchoolHolidayRecord> Holidays,
    [property: Id(4)] IReadOnlyList<DayOfWeek> ClassDays);

/// <summary>
/// Everything a commune decides about its school services, as stored and as the agents' form edits
/// it. <c>CanteenRulesMapping.ToDomain</c> turns it into the Domain's rules, checking every part:
/// a record that does not map is never stored.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CanteenRulesRecord(
    [property: Id(0)] IReadOnlyList<ServiceRulesRecord> Services,
    [property: Id(1)] string ReservationCutOff,
    [property: Id(2)] string CancellationCutOff,
    [property: Id(3)] SchoolYearRecord SchoolYear,
    [property: Id(4)] BillingMode BillingMode,
    [property: Id(5)] long LowBalanceThresholdCents,
    [property: Id(6)] long NegativeFloorCents,
    [property: Id(7)] bool BillReservedButNotTaken);

/// <summary>One saved version of a commune's rules: numbered from 1, never edited afterwards.</summary>
[GenerateSerializer, Immutable]
public sealed record CanteenRulesVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset SavedAt,
    [property: Id(2)] string SavedBy,
    [property: Id(3)] CanteenRulesRecord Rules);

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A commune's rules as an agent entered them, before any check: the school year, the two cut-offs
/// as written in the règlement, the services, and how the commune bills. <see cref="CanteenRules.Create"/>
/// checks it all and reports every problem at once.
/// </summary>
public sealed record CanteenRulesDraft(
    SchoolYearDraft SchoolYear,
    string ReservationCutOff,
    string CancellationCutOff,
    IReadOnlyList<ServiceDraft> Services,
    BillingMode BillingMode,
    long LowBalanceThresholdCents,
    long NegativeFloorCents,
    bool BillReservedButNotTaken);

/// <summary>The school year as entered (see <see cref="SchoolCalendar.Create"/>).</summary>
public sealed record SchoolYearDraft(
    string Name,
    DateOnly Rentree,
    DateOnly SummerBeginsAfterClassOn,
    IReadOnlyList<SchoolHoliday> Holidays,
    IReadOnlyList<DayOfWeek> ClassDays);

/// <summary>
/// A service as entered: its weekdays, its schools (none listed: every school of the commune) and its
/// tariff. The price rules are given as their constructors, so that a rule refused (a bracket out of
/// order, a negative price) is reported with the others instead of stopping the check.
/// </summary>
public sealed record ServiceDraft(
    SchoolService Service,
    IReadOnlyList<DayOfWeek> Days,
    IReadOnlyList<string> SchoolIds,
    Func<PriceRule> Resident,
    Func<PriceRule>? OutsideCommune = null,
    long? PaiHomeMealCents = null,
    long UnreservedSurchargeCents = 0);

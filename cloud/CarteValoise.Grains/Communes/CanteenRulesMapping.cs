using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Grains.Communes;

/// <summary>
/// Between the stored form of a commune's rules and the Domain's: <see cref="ToDomain(CanteenRulesRecord)"/>
/// checks every part (InvalidRulesException listing every problem), <see cref="Defaults"/> is what a
/// commune starts with, <see cref="SameAs"/> tells a save that changes nothing.
/// </summary>
public static class CanteenRulesMapping
{
    /// <summary>The rules, without checking that the schools they list are the commune's.</summary>
    public static CanteenRules ToDomain(this CanteenRulesRecord record) => CanteenRules.Create(Draft(record));

    /// <summary>The rules, refusing a service that lists a school the commune does not have; refusals name the school.</summary>
    public static CanteenRules ToDomain(this CanteenRulesRecord record, IEnumerable<SchoolRef> communeSchools) =>
        CanteenRules.Create(Draft(record), communeSchools.DistinctBy(s => s.SchoolId).ToDictionary(s => s.SchoolId, s => s.Name));

    /// <summary>
    /// What a commune starts with: the zone C 2026-2027 year; the canteen on Monday, Tuesday, Thursday
    /// and Friday at the profile's meal brackets, a home meal under an allergy plan at 1,00 € and 1,00 €
    /// more for a meal taken without reservation; morning care (1,10 €) and evening care (2,20 €) on
    /// the same days; Wednesday care at 0,9 % of the quotient familial between 3,00 € and 14,00 €.
    /// Reservations close 2 working days before at 12:00 (the caterer's order), cancellations the day
    /// before at 18:00. A prepaid balance, warned below 10,00 €, no overdraft; a meal reserved and not
    /// taken is billed when the commune bills monthly.
    /// </summary>
    public static CanteenRulesRecord Defaults(CommuneProfile profile)
    {
        var calendar = ZoneCCalendars.Year2026To2027();
        DayOfWeek[] fourDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        return new CanteenRulesRecord(
            [
                new ServiceRulesRecord(SchoolService.Canteen, fourDays, [], new ServiceTariffRecord(
                    new PriceRuleRecord(PriceRuleKind.Brackets, Brackets: [.. profile.MealBrackets], FullPriceCents: profile.MealFullPriceCents),
                    PaiHomeMealCents: 100, UnreservedSurchargeCents: 100)),
                new ServiceRulesRecord(SchoolService.MorningCare, fourDays, [], new ServiceTariffRecord(new PriceRuleRecord(PriceRuleKind.Flat, FlatCents: 110))),
                new ServiceRulesRecord(SchoolService.EveningCare, fourDays, [], new ServiceTariffRecord(new PriceRuleRecord(PriceRuleKind.Flat, FlatCents: 220))),
                new ServiceRulesRecord(SchoolService.WednesdayCare, [DayOfWeek.Wednesday], [], new ServiceTariffRecord(
                    new PriceRuleRecord(PriceRuleKind.PercentOfQuotient, PercentOfQuotient: 0.9m, FloorCents: 300, CeilingCents: 1400))),
            ],
            ReservationCutOff: "2 jours ouvrés avant à 12:00",
            CancellationCutOff: "la veille à 18:00",
            new SchoolYearRecord(calendar.Name, calendar.Rentree, calendar.SummerBeginsAfterClassOn,
                [.. calendar.Holidays.Select(h => new SchoolHolidayRecord(h.Name, h.BeginsAfterClassOn, h.ClassesResumeOn))],
                [.. calendar.ClassDays.OrderBy(d => ((int)d + 6) % 7)]),
            BillingMode.PrepaidBalance,
            LowBalanceThresholdCents: 1000,
            NegativeFloorCents: 0,
            BillReservedButNotTaken: true);
    }

    /// <summary>
    /// The record as it will be stored: cut-offs in the form the rules write them back («12h» becomes
    /// «12:00»), so that the same rules typed twice compare equal.
    /// </summary>
    public static CanteenRulesRecord Normalized(this CanteenRulesRecord record, CanteenRules rules) => record with
    {
        ReservationCutOff = rules.ReservationCutOff.Description,
        CancellationCutOff = rules.CancellationCutOff.Description,
    };

    /// <summary>
    /// Same rules, field by field (records compare their lists by reference). Weekdays and schools
    /// are sets; services, holidays and brackets are compared in order.
    /// </summary>
    public static bool SameAs(this CanteenRulesRecord a, CanteenRulesRecord b) =>
        a.ReservationCutOff == b.ReservationCutOff
        && a.CancellationCutOff == b.CancellationCutOff
        && a.BillingMode == b.BillingMode
        && a.LowBalanceThresholdCents == b.LowBalanceThresholdCents
        && a.NegativeFloorCents == b.NegativeFloorCents
        && a.BillReservedButNotTaken == b.BillReservedButNotTaken
        && Same(a.SchoolYear, b.SchoolYear)
        && a.Services.Count == b.Services.Count
        && a.Services.Zip(b.Services).All(p => Same(p.First, p.Second));

    private static bool Same(SchoolYearRecord a, SchoolYearRecord b) =>
        a.Name == b.Name && a.Rentree == b.Rentree && a.SummerBeginsAfterClassOn == b.SummerBeginsAfterClassOn
        && a.Holidays.SequenceEqual(b.Holidays) && a.ClassDays.ToHashSet().SetEquals(b.ClassDays);

    private static bool Same(ServiceRulesRecord a, ServiceRulesRecord b) =>
        a.Service == b.Service && a.Days.ToHashSet().SetEquals(b.Days) && a.SchoolIds.ToHashSet().SetEquals(b.SchoolIds)
        && Same(a.Tariff.Resident, b.Tariff.Resident)
        && (a.Tariff.OutsideCommune is null ? b.Tariff.OutsideCommune is null : b.Tariff.OutsideCommune is not null && Same(a.Tariff.OutsideCommune, b.Tariff.OutsideCommune))
        && a.Tariff.PaiHomeMealCents == b.Tariff.PaiHomeMealCents
        && a.Tariff.UnreservedSurchargeCents == b.Tariff.UnreservedSurchargeCents;

    private static bool Same(PriceRuleRecord a, PriceRuleRecord b) =>
        (a with { Brackets = null }) == (b with { Brackets = null })
        && (a.Brackets ?? []).SequenceEqual(b.Brackets ?? []);

    private static CanteenRulesDraft Draft(CanteenRulesRecord record)
    {
        var year = record.SchoolYear;
        return new CanteenRulesDraft(
            new SchoolYearDraft(year.Name, year.Rentree, year.SummerBeginsAfterClassOn,
                [.. year.Holidays.Select(h => new SchoolHoliday(h.Name, h.BeginsAfterClassOn, h.ClassesResumeOn))], year.ClassDays),
            record.ReservationCutOff,
            record.CancellationCutOff,
            [.. record.Services.Select(Draft)],
            record.BillingMode,
            record.LowBalanceThresholdCents,
            record.NegativeFloorCents,
            record.BillReservedButNotTaken);
    }

    private static ServiceDraft Draft(ServiceRulesRecord service) => new(
        service.Service,
        service.Days,
        service.SchoolIds,
        () => ToDomain(service.Tariff.Resident),
        service.Tariff.OutsideCommune is { } outside ? () => ToDomain(outside) : null,
        service.Tariff.PaiHomeMealCents,
        service.Tariff.UnreservedSurchargeCents);

    private static PriceRule ToDomain(PriceRuleRecord rule) => rule.Kind switch
    {
        PriceRuleKind.Flat => new FlatPrice(rule.FlatCents),
        PriceRuleKind.Brackets => BracketPrice.Create((rule.Brackets ?? []).Select(b => new TariffBracket(b.QuotientBelow, b.PriceCents)), rule.FullPriceCents),
        PriceRuleKind.PercentOfQuotient => new QuotientPercentPrice(rule.PercentOfQuotient, rule.FloorCents, rule.CeilingCents),
        _ => throw new InvalidRulesException([$"Type de tarif inconnu ({(int)rule.Kind})."]),
    };
}

/// <summary>
/// InvalidRulesException crossing a grain call: the Domain knows nothing of Orleans, so its wire form
/// is declared here, and the agent's page receives every problem, not one joined sentence.
/// </summary>
[GenerateSerializer, Immutable]
public readonly struct InvalidRulesSurrogate(IReadOnlyList<string> problems)
{
    [Id(0)] public IReadOnlyList<string> Problems { get; } = problems;
}

[RegisterConverter]
public sealed class InvalidRulesConverter : IConverter<InvalidRulesException, InvalidRulesSurrogate>
{
    public InvalidRulesException ConvertFromSurrogate(in InvalidRulesSurrogate surrogate) => new([.. surrogate.Problems]);

    public InvalidRulesSurrogate ConvertToSurrogate(in InvalidRulesException value) => new([.. value.Problems]);
}

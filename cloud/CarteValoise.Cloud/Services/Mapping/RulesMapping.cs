using System.Globalization;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;
using Google.Protobuf.WellKnownTypes;
using PriceRule = CarteValoise.Contracts.Canteen.PriceRule;

namespace CarteValoise.Cloud.Services.Mapping;

/// <summary>
/// A commune's rules on the wire (<see cref="CommuneRules"/>) and as stored (<see cref="CanteenRulesRecord"/>).
/// Reading the wire only checks what the wire form can get wrong (a date, a day number, a percentage
/// that does not read); what the rules mean is checked by the Domain (<c>CanteenRulesMapping.ToDomain</c>).
/// </summary>
public static class RulesMapping
{
    public static CommuneRules ToWire(this CanteenRulesVersion version)
    {
        var record = version.Rules;
        // Saved versions were valid when saved; a description is a courtesy, never a reason to fail a read.
        var tariffs = TryDomain(record)?.Tariffs;
        var wire = new CommuneRules
        {
            Version = version.Version,
            SavedAt = version.Version > 0 ? Timestamp.FromDateTimeOffset(version.SavedAt) : null,
            SavedBy = version.SavedBy,
            ReservationCutOff = record.ReservationCutOff,
            CancellationCutOff = record.CancellationCutOff,
            SchoolYear = ToWire(record.SchoolYear),
            BillingMode = record.BillingMode == BillingMode.MonthlyInvoice ? BillingModeKind.BillingModeMonthlyInvoice : BillingModeKind.BillingModePrepaidBalance,
            LowBalanceThresholdCents = record.LowBalanceThresholdCents,
            NegativeFloorCents = record.NegativeFloorCents,
            BillReservedNotTaken = record.BillReservedButNotTaken,
        };
        foreach (var service in record.Services)
        {
            var tariff = tariffs is not null && tariffs.Has(service.Service) ? tariffs.For(service.Service) : null;
            var rules = new ServiceRules { Service = service.Service.ToWire(), Tariff = ToWire(service.Tariff, tariff) };
            rules.Days.AddRange(service.Days.Select(d => (int)d));
            rules.SchoolIds.AddRange(service.SchoolIds);
            wire.Services.Add(rules);
        }
        return wire;
    }

    /// <summary>The stored form of what an agent sent; InvalidRulesException with every problem the wire form has.</summary>
    public static CanteenRulesRecord ToRecord(this CommuneRules wire)
    {
        var problems = new List<string>();
        var services = wire.Services.Select(s => ToRecord(s, problems)).OfType<ServiceRulesRecord>().ToList();
        var year = ToRecord(wire.SchoolYear, problems);
        var billing = wire.BillingMode switch
        {
            BillingModeKind.BillingModePrepaidBalance => BillingMode.PrepaidBalance,
            BillingModeKind.BillingModeMonthlyInvoice => BillingMode.MonthlyInvoice,
            _ => Problem(problems, $"Mode de facturation inconnu ({(int)wire.BillingMode}).", BillingMode.PrepaidBalance),
        };
        if (problems.Count > 0) throw new InvalidRulesException(problems);
        return new CanteenRulesRecord(services, wire.ReservationCutOff.Trim(), wire.CancellationCutOff.Trim(), year!, billing,
            wire.LowBalanceThresholdCents, wire.NegativeFloorCents, wire.BillReservedNotTaken);
    }

    private static Domain.Canteen.CanteenRules? TryDomain(CanteenRulesRecord record)
    {
        try
        {
            return record.ToDomain();
        }
        catch (InvalidRulesException)
        {
            return null;
        }
    }

    private static ServiceTariffRules ToWire(ServiceTariffRecord record, ServiceTariff? tariff)
    {
        var wire = new ServiceTariffRules
        {
            Resident = ToWire(record.Resident, tariff?.Resident),
            PaiHomeMealCents = record.PaiHomeMealCents ?? 0,
            UnreservedSurchargeCents = record.UnreservedSurchargeCents,
        };
        if (record.OutsideCommune is { } outside) wire.OutsideCommune = ToWire(outside, tariff?.OutsideCommune);
        return wire;
    }

    private static PriceRule ToWire(PriceRuleRecord record, Domain.Canteen.PriceRule? rule)
    {
        var wire = new PriceRule { Description = rule?.Description ?? "" };
        switch (record.Kind)
        {
            case PriceRuleKind.Flat:
                wire.FlatCents = record.FlatCents;
                break;
            case PriceRuleKind.Brackets:
                var brackets = new BracketPrices { FullPriceCents = record.FullPriceCents };
                brackets.Brackets.AddRange((record.Brackets ?? []).Select(b => new TariffBracket { QuotientBelow = b.QuotientBelow, PriceCents = b.PriceCents }));
                wire.Brackets = brackets;
                break;
            case PriceRuleKind.PercentOfQuotient:
                wire.Percent = new PercentOfQuotient
                {
                    Percent = record.PercentOfQuotient.ToString(CultureInfo.InvariantCulture),
                    FloorCents = record.FloorCents,
                    CeilingCents = record.CeilingCents,
                };
                break;
        }
        return wire;
    }

    private static SchoolYear ToWire(SchoolYearRecord record)
    {
        var wire = new SchoolYear
        {
            Name = record.Name,
            Rentree = WireDates.Format(record.Rentree),
            SummerBeginsAfterClassOn = WireDates.Format(record.SummerBeginsAfterClassOn),
        };
        wire.Holidays.AddRange(record.Holidays.Select(h => new SchoolHolidayPeriod
        {
            Name = h.Name,
            BeginsAfterClassOn = WireDates.Format(h.BeginsAfterClassOn),
            ClassesResumeOn = WireDates.Format(h.ClassesResumeOn),
        }));
        wire.ClassDays.AddRange(record.ClassDays.Select(d => (int)d));
        return wire;
    }

    private static ServiceRulesRecord? ToRecord(ServiceRules wire, List<string> problems)
    {
        if (wire.Service.ToDomainOrNull() is not { } service)
        {
            problems.Add(ServiceKinds.Problem(wire.Service));
            return null;
        }
        var label = service.Label();
        var days = Days(wire.Days, label, problems);
        var schools = wire.SchoolIds.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct().ToList();
        if (wire.Tariff?.Resident is not { KindCase: not PriceRule.KindOneofCase.None } resident)
        {
            problems.Add($"{label} : indiquez le tarif des familles de la commune.");
            return null;
        }
        var outside = wire.Tariff.OutsideCommune is { KindCase: not PriceRule.KindOneofCase.None } given ? ToRecord(given, label, problems) : null;
        var tariff = new ServiceTariffRecord(
            ToRecord(resident, label, problems),
            outside,
            wire.Tariff.PaiHomeMealCents == 0 ? null : wire.Tariff.PaiHomeMealCents,
            wire.Tariff.UnreservedSurchargeCents);
        return new ServiceRulesRecord(service, days, schools, tariff);
    }

    private static PriceRuleRecord ToRecord(PriceRule wire, string label, List<string> problems) => wire.KindCase switch
    {
        PriceRule.KindOneofCase.FlatCents => new PriceRuleRecord(PriceRuleKind.Flat, FlatCents: wire.FlatCents),
        PriceRule.KindOneofCase.Brackets => new PriceRuleRecord(PriceRuleKind.Brackets,
            Brackets: wire.Brackets.Brackets.Select(b => new TariffBracketRecord(b.QuotientBelow, b.PriceCents)).ToList(),
            FullPriceCents: wire.Brackets.FullPriceCents),
        _ => new PriceRuleRecord(PriceRuleKind.PercentOfQuotient,
            PercentOfQuotient: Percent(wire.Percent.Percent, label, problems),
            FloorCents: wire.Percent.FloorCents,
            CeilingCents: wire.Percent.CeilingCents),
    };

    // The page may send what the agent typed, "0,35" as well as "0.35".
    private static decimal Percent(string text, string label, List<string> problems) =>
        decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            ? percent
            : Problem(problems, $"{label} : taux d'effort « {text} » illisible : écrivez par exemple 0,35.", 0m);

    private static SchoolYearRecord? ToRecord(SchoolYear? wire, List<string> problems)
    {
        if (wire is null)
        {
            problems.Add("Indiquez l'année scolaire (rentrée, vacances, jours de classe).");
            return null;
        }
        var holidays = wire.Holidays.Select(h => new SchoolHolidayRecord(h.Name.Trim(),
            Day(h.BeginsAfterClassOn, $"{Named(h.Name)} : début", problems),
            Day(h.ClassesResumeOn, $"{Named(h.Name)} : reprise des classes", problems))).ToList();
        return new SchoolYearRecord(wire.Name.Trim(),
            Day(wire.Rentree, "Rentrée", problems),
            Day(wire.SummerBeginsAfterClassOn, "Début des vacances d'été", problems),
            holidays,
            Days(wire.ClassDays, "Jours de classe", problems));
    }

    private static string Named(string name) => string.IsNullOrWhiteSpace(name) ? "Période de vacances" : name.Trim();

    private static DateOnly Day(string text, string what, List<string> problems) =>
        WireDates.TryParse(text.Trim(), out var day) ? day : Problem(problems, $"{what} : {WireDates.Problem(text)}", default(DateOnly));

    private static List<DayOfWeek> Days(IEnumerable<int> numbers, string what, List<string> problems)
    {
        var days = new List<DayOfWeek>();
        // In week order whatever order the page sent them: saving the same days twice is no change.
        foreach (var number in numbers.Distinct().Order())
        {
            if (number is >= 0 and <= 6) days.Add((DayOfWeek)number);
            else problems.Add($"{what} : jour {number} inconnu (0 = dimanche … 6 = samedi).");
        }
        return days;
    }

    private static T Problem<T>(List<string> problems, string problem, T placeholder)
    {
        problems.Add(problem);
        return placeholder;
    }
}

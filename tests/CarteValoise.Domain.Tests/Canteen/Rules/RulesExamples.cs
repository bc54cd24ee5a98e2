using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen.Rules;

/// <summary>
/// A commune with two schools, Jules Ferry and Pasteur: the canteen everywhere, evening care at
/// Jules Ferry only, Wednesday care everywhere, no morning care.
/// </summary>
internal static class RulesExamples
{
    public static readonly DayOfWeek[] FourDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static readonly IReadOnlyDictionary<string, string> Schools =
        new Dictionary<string, string> { ["jules-ferry"] = "Jules Ferry", ["pasteur"] = "Pasteur" };

    public static SchoolYearDraft ZoneC => new(Year.Name, Year.Rentree, Year.SummerBeginsAfterClassOn, [.. Year.Holidays], FourDays);

    public static CanteenRulesDraft Draft => new(
        ZoneC,
        "2 jours ouvrés avant à 12:00",
        "la veille à 18:00",
        [
            new ServiceDraft(SchoolService.WednesdayCare, [DayOfWeek.Wednesday], [], () => new QuotientPercentPrice(0.9m, 300, 1400)),
            new ServiceDraft(SchoolService.Canteen, FourDays, [], () => new FlatPrice(350), PaiHomeMealCents: 100, UnreservedSurchargeCents: 100),
            new ServiceDraft(SchoolService.EveningCare, FourDays, ["jules-ferry"], () => new FlatPrice(220)),
        ],
        BillingMode.PrepaidBalance,
        LowBalanceThresholdCents: 1000,
        NegativeFloorCents: 0,
        BillReservedButNotTaken: true);
}

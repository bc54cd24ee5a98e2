using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class MonthlyInvoiceCalculatorTests
{
    private static readonly CommuneTariffs Tariffs = CommuneTariffs.Create(
    [
        new ServiceTariff(SchoolService.Canteen, BracketPrice.Create([new(450, 90), new(700, 180)], 470), paiHomeMealCents: 150, unreservedSurchargeCents: 100),
        new ServiceTariff(SchoolService.EveningCare, new QuotientPercentPrice(0.2m, 50, 250)),
    ]);

    private static readonly InvoicedChild Lea = new("enfant-lea", "Léa", PaiHomeMeal: false);
    private static readonly InvoicedChild Tom = new("enfant-tom", "Tom", PaiHomeMeal: true);

    private static ServiceUse Use(InvoicedChild child, string day, SchoolService service = SchoolService.Canteen) => new(child.ChildId, Day(day), service);

    private static FamilyMonth December(IReadOnlyCollection<ServiceUse> taken, IReadOnlyCollection<ServiceUse> reserved, IReadOnlyCollection<ServiceUse>? excused = null) =>
        new("famille-martin", new BillingMonth(2026, 12), new PricedFamily(500, LivesOutsideCommune: false), [Tom, Lea], taken, reserved, excused ?? []);

    private static readonly FamilyMonth Martin = December(
        taken:
        [
            Use(Lea, "2026-12-03"), Use(Lea, "2026-12-03"), // tapped twice: one meal
            Use(Tom, "2026-12-03"),
            Use(Lea, "2026-12-03", SchoolService.EveningCare),
            Use(Lea, "2026-12-04"), // not reserved
            Use(Lea, "2026-11-30"), // November's: not on December's invoice
        ],
        reserved:
        [
            Use(Lea, "2026-12-03"), Use(Tom, "2026-12-03"), Use(Lea, "2026-12-03", SchoolService.EveningCare),
            Use(Lea, "2026-12-07"), // reserved, absent
            Use(Tom, "2026-12-07"), // reserved, absent with a medical certificate
        ],
        excused: [Use(Tom, "2026-12-07")]);

    [Fact]
    public void December_for_a_family_of_two_children()
    {
        var invoice = MonthlyInvoiceCalculator.Compute(Martin, Tariffs, new MonthlyInvoiceRules(BillReservedButNotTaken: true));
        Assert.Equal(
        [
            new(Day("2026-12-03"), "enfant-lea", "Léa", SchoolService.Canteen, "QF de 450 à 699", 180, 1),
            new(Day("2026-12-03"), "enfant-lea", "Léa", SchoolService.EveningCare, "0,2 % du QF 500", 100, 1),
            new(Day("2026-12-03"), "enfant-tom", "Tom", SchoolService.Canteen, "panier repas (PAI)", 150, 1),
            new(Day("2026-12-04"), "enfant-lea", "Léa", SchoolService.Canteen, "QF de 450 à 699", 180, 1),
            new(Day("2026-12-04"), "enfant-lea", "Léa", SchoolService.Canteen, "majoration sans réservation", 100, 1),
            new InvoiceLine(Day("2026-12-07"), "enfant-lea", "Léa", SchoolService.Canteen, "réservé, non consommé (QF de 450 à 699)", 180, 1),
        ], invoice.Lines);
        Assert.Equal(890, invoice.TotalCents);
        Assert.Equal(("famille-martin", new BillingMonth(2026, 12)), (invoice.FamilyId, invoice.Month));
    }

    [Fact]
    public void A_commune_that_does_not_bill_absences_bills_what_was_taken()
    {
        var invoice = MonthlyInvoiceCalculator.Compute(Martin, Tariffs, new MonthlyInvoiceRules(BillReservedButNotTaken: false));
        Assert.Equal(5, invoice.Lines.Count);
        Assert.Equal(710, invoice.TotalCents);
    }

    [Fact]
    public void A_month_without_anything_is_an_empty_invoice()
    {
        var invoice = MonthlyInvoiceCalculator.Compute(December([], []), Tariffs, new MonthlyInvoiceRules(true));
        Assert.True(invoice.IsEmpty);
        Assert.Equal(0, invoice.TotalCents);
    }

    [Fact]
    public void A_tap_of_a_child_of_another_family_stops_the_invoice() =>
        Assert.Equal("Le jeudi 3 décembre 2026, « Cantine » est compté pour l'enfant enfant-zoe, qui n'est pas de la famille famille-martin.",
            Assert.Throws<ArgumentException>(() => MonthlyInvoiceCalculator.Compute(
                December([new ServiceUse("enfant-zoe", Day("2026-12-03"), SchoolService.Canteen)], []), Tariffs, new MonthlyInvoiceRules(true))).Message);

    [Fact]
    public void A_service_the_commune_does_not_price_stops_the_invoice() =>
        Assert.Equal("La commune n'a pas fixé de tarif pour le service « Accueil du matin ».",
            Assert.Throws<InvalidOperationException>(() => MonthlyInvoiceCalculator.Compute(
                December([Use(Lea, "2026-12-03", SchoolService.MorningCare)], []), Tariffs, new MonthlyInvoiceRules(true))).Message);
}

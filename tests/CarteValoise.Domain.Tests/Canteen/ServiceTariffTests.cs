using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class ServiceTariffTests
{
    private static readonly ServiceTariff Canteen = new(SchoolService.Canteen,
        BracketPrice.Create([new(450, 90), new(700, 180)], 470), outsideCommune: new FlatPrice(620), paiHomeMealCents: 150, unreservedSurchargeCents: 100);

    private static readonly PricedFamily Resident = new(500, LivesOutsideCommune: false);
    private static readonly PricedFamily Outside = new(500, LivesOutsideCommune: true);

    [Fact]
    public void A_reserved_meal_costs_the_bracket_price() =>
        Assert.Equal(new PriceQuote(180, "QF de 450 à 699", 0), Canteen.Quote(Resident, paiHomeMeal: false, reserved: true));

    [Fact]
    public void A_meal_taken_without_reservation_carries_the_surcharge()
    {
        var quote = Canteen.Quote(Resident, paiHomeMeal: false, reserved: false);
        Assert.Equal(new PriceQuote(180, "QF de 450 à 699", 100), quote);
        Assert.Equal(280, quote.TotalCents);
    }

    [Fact]
    public void A_family_from_outside_the_commune_pays_the_outside_tariff() =>
        Assert.Equal(new PriceQuote(620, "hors commune, tarif unique", 0), Canteen.Quote(Outside, paiHomeMeal: false, reserved: true));

    [Fact]
    public void A_child_with_an_allergy_plan_bringing_a_home_meal_pays_the_reduced_price_wherever_they_live()
    {
        Assert.Equal(new PriceQuote(150, "panier repas (PAI)", 0), Canteen.Quote(Resident, paiHomeMeal: true, reserved: true));
        Assert.Equal(new PriceQuote(150, "panier repas (PAI)", 100), Canteen.Quote(Outside, paiHomeMeal: true, reserved: false));
    }

    [Fact]
    public void Without_an_outside_tariff_everyone_pays_the_residents_price() =>
        Assert.Equal(180, new ServiceTariff(SchoolService.Canteen, BracketPrice.Create([new(450, 90), new(700, 180)], 470)).Quote(Outside, false, true).PriceCents);

    [Fact]
    public void A_quote_for_a_quotient_out_of_range_is_refused() =>
        Assert.Equal("Le quotient familial 10 500 est hors des bornes admises : il doit être compris entre 0 et 10 000.",
            Assert.Throws<ArgumentException>(() => Canteen.Quote(new PricedFamily(10_500, false), paiHomeMeal: true, reserved: true)).Message);

    [Fact]
    public void A_PAI_price_outside_the_canteen_or_a_negative_surcharge_is_refused()
    {
        var error = Assert.Throws<InvalidRulesException>(() => new ServiceTariff(SchoolService.EveningCare, new FlatPrice(120), paiHomeMealCents: 50, unreservedSurchargeCents: -20));
        Assert.Equal(
        [
            "Accueil du soir : le tarif panier repas (PAI) ne s'applique qu'à la cantine.",
            "Accueil du soir : la majoration sans réservation ne peut pas être négative (-0,20 € saisi).",
        ], error.Problems);
        Assert.Equal("Le tarif panier repas (PAI) doit être un prix positif (0,00 € saisi).",
            Assert.Throws<InvalidRulesException>(() => new ServiceTariff(SchoolService.Canteen, new FlatPrice(300), paiHomeMealCents: 0)).Message);
    }

    [Fact]
    public void A_commune_sets_one_tariff_per_service()
    {
        var tariffs = CommuneTariffs.Create([Canteen, new ServiceTariff(SchoolService.MorningCare, new QuotientPercentPrice(0.1m, 40, 150))]);
        Assert.Equal(50, tariffs.For(SchoolService.MorningCare).Quote(Resident, false, true).PriceCents);
        Assert.False(tariffs.Has(SchoolService.EveningCare));
        Assert.Equal("La commune n'a pas fixé de tarif pour le service « Accueil du soir ».",
            Assert.Throws<InvalidOperationException>(() => tariffs.For(SchoolService.EveningCare)).Message);
        Assert.Equal("Cantine : un seul tarif par service.",
            Assert.Throws<InvalidRulesException>(() => CommuneTariffs.Create([Canteen, Canteen])).Message);
    }

    [Fact]
    public void A_commune_profile_tariff_becomes_its_canteen_tariff()
    {
        var tariffs = CommuneTariffs.CanteenOnly(MealTariff.Create([new(450, 90)], 470));
        Assert.Equal(90, tariffs.For(SchoolService.Canteen).Quote(new PricedFamily(449, false), false, true).PriceCents);
    }
}

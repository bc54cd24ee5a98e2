using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class PriceRuleTests
{
    private static readonly QuotientPercentPrice Effort = new(0.35m, 80, 480);

    private static readonly BracketPrice Brackets = BracketPrice.Create([new(450, 90), new(700, 180), new(1000, 290), new(1500, 380)], 470);

    [Theory]
    [InlineData(0, 80, "tarif plancher")]
    [InlineData(228, 80, "0,35 % du QF 228")] // 0,798 € rounds to 0,80 €: the floor itself
    [InlineData(1000, 350, "0,35 % du QF 1 000")]
    [InlineData(1230, 431, "0,35 % du QF 1 230")] // 4,305 €: a half cent goes up
    [InlineData(1237, 433, "0,35 % du QF 1 237")] // 4,3295 €
    [InlineData(1372, 480, "0,35 % du QF 1 372")] // 4,802 € rounds to the ceiling
    [InlineData(1400, 480, "tarif plafond")]
    [InlineData(10000, 480, "tarif plafond")]
    [InlineData(null, 480, "quotient familial non communiqué : tarif plafond")]
    public void A_percentage_of_the_quotient_between_a_floor_and_a_ceiling(int? quotient, long cents, string basis)
    {
        Assert.Equal(cents, Effort.PriceFor(quotient));
        Assert.Equal(basis, Effort.BasisFor(quotient));
    }

    [Theory]
    [InlineData(10001, "Le quotient familial 10 001 est hors des bornes admises : il doit être compris entre 0 et 10 000.")]
    [InlineData(-5, "Le quotient familial -5 est hors des bornes admises : il doit être compris entre 0 et 10 000.")]
    [InlineData(125000, "Le quotient familial 125 000 est hors des bornes admises : il doit être compris entre 0 et 10 000.")]
    public void A_quotient_out_of_range_is_refused_by_every_rule(int quotient, string message)
    {
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Effort.PriceFor(quotient)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Brackets.PriceFor(quotient)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new FlatPrice(300).PriceFor(quotient)).Message);
    }

    [Theory]
    [InlineData(0, 90, "QF inférieur à 450")]
    [InlineData(450, 180, "QF de 450 à 699")]
    [InlineData(1499, 380, "QF de 1 000 à 1 499")]
    [InlineData(1500, 470, "QF de 1 500 et plus")]
    [InlineData(null, 470, "quotient familial non communiqué : plein tarif")]
    public void Brackets_name_the_bracket_applied(int? quotient, long cents, string basis)
    {
        Assert.Equal(cents, Brackets.PriceFor(quotient));
        Assert.Equal(basis, Brackets.BasisFor(quotient));
    }

    [Fact]
    public void Rules_describe_themselves_for_the_agent()
    {
        Assert.Equal("0,35 % du quotient familial, entre 0,80 € et 4,80 €", Effort.Description);
        Assert.Equal("QF inférieur à 450 : 0,90 €, QF de 450 à 699 : 1,80 €, QF de 700 à 999 : 2,90 €, QF de 1 000 à 1 499 : 3,80 €, QF de 1 500 et plus ou non communiqué : 4,70 €",
            Brackets.Description);
        Assert.Equal("tarif unique de 6,20 €", new FlatPrice(620).Description);
    }

    [Fact]
    public void The_existing_meal_tariff_prices_the_same_through_the_bracket_rule()
    {
        var existing = MealTariff.Create([new(450, 90), new(700, 180)], 470);
        var rule = BracketPrice.From(existing);
        foreach (var qf in new int?[] { 0, 449, 450, 699, 700, 10000, null })
            Assert.Equal(existing.PriceFor(qf), rule.PriceFor(qf));
    }

    [Fact]
    public void A_bad_bracket_grid_is_refused_with_every_problem()
    {
        var error = Assert.Throws<InvalidRulesException>(() => BracketPrice.Create([new(700, 180), new(450, 90), new(12000, 0)], 0));
        Assert.Equal(
        [
            "Les tranches de quotient familial doivent être croissantes : 450 vient après 700.",
            "La borne de tranche 12 000 sort des quotients familiaux admis (0 à 10 000).",
            "La tranche « QF de 450 à 11 999 » doit être un prix positif (0,00 € saisi).",
            "Le plein tarif doit être un prix positif (0,00 € saisi).",
        ], error.Problems);
    }

    [Fact]
    public void A_bad_percentage_is_refused_with_every_problem()
    {
        var error = Assert.Throws<InvalidRulesException>(() => new QuotientPercentPrice(0m, 0, -10));
        Assert.Equal(
        [
            "Le taux d'effort doit être compris entre 0 et 100 % (0 % saisi).",
            "Le tarif plancher doit être un prix positif (0,00 € saisi).",
            "Le tarif plafond (-0,10 €) doit être au moins égal au tarif plancher (0,00 €).",
        ], error.Problems);
        Assert.Equal("Le tarif unique doit être un prix positif (-1,00 € saisi).", Assert.Throws<InvalidRulesException>(() => new FlatPrice(-100)).Message);
    }
}

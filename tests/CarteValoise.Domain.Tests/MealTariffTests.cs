using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Domain.Tests;

public sealed class MealTariffTests
{
    // Shaped on a real commune's grid: four brackets and a full price.
    private static readonly MealTariff Tariff = MealTariff.Create(
        [new(450, 90), new(700, 180), new(1000, 290), new(1500, 380)], 470);

    [Theory]
    [InlineData(0, 90)]
    [InlineData(449, 90)]
    [InlineData(450, 180)]
    [InlineData(999, 290)]
    [InlineData(1499, 380)]
    [InlineData(1500, 470)]
    [InlineData(null, 470)]
    public void The_price_follows_the_quotient_familial_bracket(int? quotient, long cents) =>
        Assert.Equal(cents, Tariff.PriceFor(quotient));

    [Fact]
    public void Brackets_out_of_order_or_free_meals_are_refused()
    {
        Assert.Contains("croissantes", Assert.Throws<ArgumentException>(() => MealTariff.Create([new(700, 180), new(450, 90)], 470)).Message);
        Assert.Contains("prix positif", Assert.Throws<ArgumentException>(() => MealTariff.Create([new(450, 0)], 470)).Message);
        Assert.Contains("plein tarif", Assert.Throws<ArgumentException>(() => MealTariff.Create([new(450, 90)], 0)).Message);
    }
}

using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Grains.Communes;

[GenerateSerializer, Immutable]
public sealed record TariffBracketRecord([property: Id(0)] int QuotientBelow, [property: Id(1)] long PriceCents);

/// <summary>A commune as the platform knows it: its INSEE code, its name, its canteen tariff.</summary>
[GenerateSerializer, Immutable]
public sealed record CommuneProfile(
    [property: Id(0)] string InseeCode,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<TariffBracketRecord> MealBrackets,
    [property: Id(3)] long MealFullPriceCents)
{
    public MealTariff MealTariff() => Domain.Tariffs.MealTariff.Create(
        MealBrackets.Select(b => new TariffBracket(b.QuotientBelow, b.PriceCents)), MealFullPriceCents);
}

[GenerateSerializer, Immutable]
public sealed record SchoolRef([property: Id(0)] string SchoolId, [property: Id(1)] string Name);

using System.Globalization;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A "taux d'effort": the price is a percentage of the quotient familial, kept between a floor
/// and a ceiling (0,35 % of a QF of 1 000 € is 3,50 €). Rounding: to the nearest cent, a half
/// cent up (0,35 % of 1 237 is 4,3295 €, billed 4,33 €; of 1 230, 4,305 €, billed 4,31 €), then
/// the floor and the ceiling apply. A family without a quotient pays the ceiling.
/// </summary>
public sealed record QuotientPercentPrice : PriceRule
{
    public QuotientPercentPrice(decimal percent, long floorCents, long ceilingCents)
    {
        var problems = new List<string>();
        if (percent is <= 0 or > 100)
            problems.Add($"Le taux d'effort doit être compris entre 0 et 100 % ({Percent(percent)} saisi).");
        CheckPositive(problems, floorCents, "Le tarif plancher");
        if (ceilingCents < floorCents)
            problems.Add($"Le tarif plafond ({FrenchText.Euros(ceilingCents)}) doit être au moins égal au tarif plancher ({FrenchText.Euros(floorCents)}).");
        InvalidRulesException.ThrowIfAny(problems);
        PercentOfQuotient = percent;
        FloorCents = floorCents;
        CeilingCents = ceilingCents;
    }

    public decimal PercentOfQuotient { get; }

    public long FloorCents { get; }

    public long CeilingCents { get; }

    public override string Description =>
        $"{Percent(PercentOfQuotient)} du quotient familial, entre {FrenchText.Euros(FloorCents)} et {FrenchText.Euros(CeilingCents)}";

    private protected override (long Cents, string Basis) Price(int? quotientFamilial)
    {
        if (quotientFamilial is not { } qf) return (CeilingCents, "quotient familial non communiqué : tarif plafond");
        // QF € × p / 100 is a price in euros, so QF × p is the same price in cents.
        var cents = (long)Math.Round(qf * PercentOfQuotient, 0, MidpointRounding.AwayFromZero);
        if (cents < FloorCents) return (FloorCents, "tarif plancher");
        if (cents > CeilingCents) return (CeilingCents, "tarif plafond");
        return (cents, $"{Percent(PercentOfQuotient)} du QF {FrenchText.Number(qf)}");
    }

    private static string Percent(decimal percent) =>
        percent.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', ',') + " %";
}

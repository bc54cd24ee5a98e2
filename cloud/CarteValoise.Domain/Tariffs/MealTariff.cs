namespace CarteValoise.Domain.Tariffs;

/// <summary>One bracket of a commune's canteen tariff: families whose quotient familial is below
/// <see cref="QuotientBelow"/> (and at or above the previous bracket's bound) pay <see cref="PriceCents"/>.</summary>
public sealed record TariffBracket(int QuotientBelow, long PriceCents);

/// <summary>
/// A commune's meal price by quotient familial brackets, the way most communes publish it:
/// a list of brackets in ascending order and a price for families above the last one
/// (or who gave no quotient familial, who pay the full price).
/// </summary>
public sealed record MealTariff(IReadOnlyList<TariffBracket> Brackets, long FullPriceCents)
{
    public long PriceFor(int? quotientFamilial)
    {
        if (quotientFamilial is not { } qf) return FullPriceCents;
        foreach (var bracket in Brackets)
            if (qf < bracket.QuotientBelow) return bracket.PriceCents;
        return FullPriceCents;
    }

    /// <summary>Brackets must rise and prices must be positive, or a family could be charged nothing by mistake.</summary>
    public static MealTariff Create(IEnumerable<TariffBracket> brackets, long fullPriceCents)
    {
        var ordered = brackets.ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].PriceCents <= 0) throw new ArgumentException("Chaque tranche doit avoir un prix positif.");
            if (i > 0 && ordered[i].QuotientBelow <= ordered[i - 1].QuotientBelow)
                throw new ArgumentException("Les tranches de quotient familial doivent être croissantes.");
        }
        if (fullPriceCents <= 0) throw new ArgumentException("Le plein tarif doit être positif.");
        return new MealTariff(ordered, fullPriceCents);
    }
}

namespace CarteValoise.Domain.Canteen;

/// <summary>Who is being charged, as far as the price depends on it.</summary>
public sealed record PricedFamily(int? QuotientFamilial, bool LivesOutsideCommune);

/// <summary>
/// The price of one service taken once: the unit price and why («QF de 450 à 699», «panier repas
/// (PAI)»), plus the surcharge for a service taken without reservation, if any.
/// </summary>
public sealed record PriceQuote(long PriceCents, string Basis, long SurchargeCents)
{
    public long TotalCents => PriceCents + SurchargeCents;
}

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// How a unit price follows the family's quotient familial: a flat price, brackets, or a
/// percentage with a floor and a ceiling. Prices are in cents; a family without a quotient
/// familial pays the full price.
/// </summary>
public abstract record PriceRule
{
    private protected PriceRule() { }

    /// <summary>The unit price in cents. A quotient out of 0..10 000 is refused with a French message.</summary>
    public long PriceFor(int? quotientFamilial)
    {
        QuotientFamilialRange.Check(quotientFamilial);
        return Price(quotientFamilial).Cents;
    }

    /// <summary>Why this price, as the invoice line says it: «QF de 450 à 699», «0,35 % du QF 1 237», «tarif plafond».</summary>
    public string BasisFor(int? quotientFamilial)
    {
        QuotientFamilialRange.Check(quotientFamilial);
        return Price(quotientFamilial).Basis;
    }

    /// <summary>The rule as the commune's délibération states it, for the agent's page.</summary>
    public abstract string Description { get; }

    private protected abstract (long Cents, string Basis) Price(int? quotientFamilial);

    private protected static void CheckPositive(List<string> problems, long cents, string what)
    {
        if (cents <= 0) problems.Add($"{what} doit être un prix positif ({FrenchText.Euros(cents)} saisi).");
    }
}

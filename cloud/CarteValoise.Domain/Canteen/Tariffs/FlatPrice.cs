namespace CarteValoise.Domain.Canteen;

/// <summary>One price for everyone (a tarif unique, or the outside-commune tariff).</summary>
public sealed record FlatPrice : PriceRule
{
    public FlatPrice(long cents)
    {
        var problems = new List<string>();
        CheckPositive(problems, cents, "Le tarif unique");
        InvalidRulesException.ThrowIfAny(problems);
        Cents = cents;
    }

    public long Cents { get; }

    public override string Description => $"tarif unique de {FrenchText.Euros(Cents)}";

    private protected override (long Cents, string Basis) Price(int? quotientFamilial) => (Cents, "tarif unique");
}

using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// Prices by quotient familial brackets: the existing <see cref="MealTariff"/> (still what
/// <c>CommuneProfile</c> stores and <c>FamilyGrain</c> charges with), checked further here —
/// every bound within 0..10 000, every problem reported at once.
/// </summary>
public sealed record BracketPrice : PriceRule
{
    private BracketPrice(MealTariff tariff) => Tariff = tariff;

    public MealTariff Tariff { get; }

    public static BracketPrice Create(IEnumerable<TariffBracket> brackets, long fullPriceCents)
    {
        var ordered = brackets.ToList();
        var problems = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var bound = ordered[i].QuotientBelow;
            if (bound is <= QuotientFamilialRange.Min or > QuotientFamilialRange.Max)
                problems.Add($"La borne de tranche {FrenchText.Number(bound)} sort des quotients familiaux admis ({FrenchText.Number(QuotientFamilialRange.Min)} à {FrenchText.Number(QuotientFamilialRange.Max)}).");
            if (i > 0 && bound <= ordered[i - 1].QuotientBelow)
                problems.Add($"Les tranches de quotient familial doivent être croissantes : {FrenchText.Number(bound)} vient après {FrenchText.Number(ordered[i - 1].QuotientBelow)}.");
            CheckPositive(problems, ordered[i].PriceCents, $"La tranche « {Bracket(ordered, i)} »");
        }
        CheckPositive(problems, fullPriceCents, "Le plein tarif");
        InvalidRulesException.ThrowIfAny(problems);
        return new BracketPrice(MealTariff.Create(ordered, fullPriceCents));
    }

    public static BracketPrice From(MealTariff tariff) => Create(tariff.Brackets, tariff.FullPriceCents);

    public override string Description => string.Join(", ",
        Tariff.Brackets.Select((b, i) => $"{Bracket(Tariff.Brackets, i)} : {FrenchText.Euros(b.PriceCents)}")
            .Append($"{Top(Tariff.Brackets)} ou non communiqué : {FrenchText.Euros(Tariff.FullPriceCents)}"));

    private protected override (long Cents, string Basis) Price(int? quotientFamilial)
    {
        var brackets = Tariff.Brackets;
        if (quotientFamilial is not { } qf) return (Tariff.FullPriceCents, "quotient familial non communiqué : plein tarif");
        for (var i = 0; i < brackets.Count; i++)
            if (qf < brackets[i].QuotientBelow) return (brackets[i].PriceCents, Bracket(brackets, i));
        return (Tariff.FullPriceCents, Top(brackets));
    }

    /// <summary>«QF inférieur à 450», «QF de 450 à 699».</summary>
    private static string Bracket(IReadOnlyList<TariffBracket> brackets, int i) => i == 0
        ? $"QF inférieur à {FrenchText.Number(brackets[0].QuotientBelow)}"
        : $"QF de {FrenchText.Number(brackets[i - 1].QuotientBelow)} à {FrenchText.Number(brackets[i].QuotientBelow - 1)}";

    private static string Top(IReadOnlyList<TariffBracket> brackets) =>
        brackets.Count == 0 ? "tout QF" : $"QF de {FrenchText.Number(brackets[^1].QuotientBelow)} et plus";
}

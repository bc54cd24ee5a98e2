namespace CarteValoise.Domain.Canteen;

/// <summary>
/// The quotients familiaux a commune's tariffs accept: 0 to 10 000 €. The CAF's quotients stay far
/// below the top; a figure above it is a typing error (an annual income typed for a monthly QF)
/// and would silently land in the full-price bracket, so it is refused.
/// </summary>
public static class QuotientFamilialRange
{
    public const int Min = 0;
    public const int Max = 10_000;

    public static bool Contains(int quotientFamilial) => quotientFamilial is >= Min and <= Max;

    /// <summary>Null when in range; otherwise «Le quotient familial 12 500 est hors des bornes admises : il doit être compris entre 0 et 10 000.»</summary>
    public static string? ProblemWith(int quotientFamilial) => Contains(quotientFamilial)
        ? null
        : $"Le quotient familial {FrenchText.Number(quotientFamilial)} est hors des bornes admises : il doit être compris entre {FrenchText.Number(Min)} et {FrenchText.Number(Max)}.";

    /// <summary>Throws <see cref="ArgumentException"/> with the French message for a quotient out of range; no quotient is fine (full price).</summary>
    public static void Check(int? quotientFamilial)
    {
        if (quotientFamilial is { } qf && ProblemWith(qf) is { } problem) throw new ArgumentException(problem);
    }
}

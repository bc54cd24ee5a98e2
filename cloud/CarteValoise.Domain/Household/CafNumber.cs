namespace CarteValoise.Domain.Household;

/// <summary>
/// The numéro d'allocataire the CAF gives a household: exactly 7 digits (the CAF writes it at the top
/// of its letters, sometimes with a space or a leading zero, which counts). Typed with spaces or
/// dots, it is kept as its 7 digits. Optional: a household without CAF benefits has none.
/// </summary>
public static class CafNumber
{
    public const int Digits = 7;

    /// <summary>The 7 digits («0123456» from «012 34 56»); empty for nothing typed; null when it is not a CAF number.</summary>
    public static string? Normalize(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0) return "";
        if (text.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '\u00A0'))) return null;
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == Digits ? digits : null;
    }

    /// <summary>«Le numéro d'allocataire CAF « 123456 » n'est pas valide : il a 7 chiffres (ici 6), …».</summary>
    public static string Problem(string typed)
    {
        var text = typed.Trim();
        var digits = text.Count(char.IsAsciiDigit);
        var count = digits == text.Count(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')) ? $" (ici {digits})" : "";
        return $"Le numéro d'allocataire CAF « {text} » n'est pas valide : il a {Digits} chiffres{count}, "
            + "tel qu'il figure en haut de vos courriers de la CAF, par exemple 1234567.";
    }
}

using System.Globalization;
using System.Text;

namespace CarteValoise.Domain.Accounts;

/// <summary>
/// What a password must be, said in French so that the person knows exactly what to change: long
/// enough that length does the work (NIST SP 800-63B), not the address anyone can read on an
/// envelope, and not a single kind of character, which is what a guesser tries first.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;

    /// <summary>Long enough for a passphrase, short enough that hashing it costs nothing more.</summary>
    public const int MaxLength = 256;

    private enum CharacterClass { Lower, Upper, Digit, Other }

    /// <summary>Every problem of this password for this account's address, or none.</summary>
    public static IReadOnlyList<string> Problems(string? password, string email)
    {
        if (string.IsNullOrEmpty(password)) return ["Choisissez un mot de passe."];

        var problems = new List<string>();
        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
            problems.Add($"Le mot de passe doit compter au moins {MinLength} caractères (il en compte {length.ToString(CultureInfo.InvariantCulture)}).");
        if (length > MaxLength)
            problems.Add($"Le mot de passe doit compter au plus {MaxLength} caractères.");
        if (IsTheEmail(password, email))
            problems.Add("Le mot de passe ne doit pas être votre adresse électronique.");
        var classes = password.EnumerateRunes().Select(Classify).Distinct().ToList();
        if (classes.Count == 1)
            problems.Add($"Le mot de passe ne contient que des {Plural(classes[0])} : ajoutez au moins {Missing(classes[0])}.");
        return problems;
    }

    private static bool IsTheEmail(string password, string email)
    {
        var address = email.Trim();
        if (address.Length == 0) return false;
        var localPart = address.Split('@')[0];
        var typed = password.Trim();
        return string.Equals(typed, address, StringComparison.OrdinalIgnoreCase)
            || (localPart.Length > 0 && string.Equals(typed, localPart, StringComparison.OrdinalIgnoreCase));
    }

    private static CharacterClass Classify(Rune rune) =>
        Rune.IsLower(rune) ? CharacterClass.Lower
        : Rune.IsUpper(rune) ? CharacterClass.Upper
        : Rune.IsDigit(rune) ? CharacterClass.Digit
        : CharacterClass.Other;

    private static string Plural(CharacterClass only) => only switch
    {
        CharacterClass.Lower => "minuscules",
        CharacterClass.Upper => "majuscules",
        CharacterClass.Digit => "chiffres",
        _ => "symboles",
    };

    private static string Missing(CharacterClass only) => only switch
    {
        CharacterClass.Lower => "une majuscule, un chiffre ou un symbole",
        CharacterClass.Upper => "une minuscule, un chiffre ou un symbole",
        CharacterClass.Digit => "une lettre ou un symbole",
        _ => "une lettre ou un chiffre",
    };
}

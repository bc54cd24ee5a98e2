using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Domain.Accounts;

/// <summary>What a person types to open an account, checked all at once: every problem is listed.</summary>
public sealed record Registration(string Email, string GivenName, string FamilyName, string Password)
{
    public const int MaxNameLength = 100;

    /// <summary>Accounts are keyed by the address as typed, trimmed and lower-cased: «Jean@Exemple.fr» is «jean@exemple.fr».</summary>
    public static string NormaliseEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    public string NormalisedEmail => NormaliseEmail(Email);

    /// <summary>«Camille Martin».</summary>
    public string DisplayName => $"{GivenName.Trim()} {FamilyName.Trim()}";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var email = NormalisedEmail;
        if (email.Length == 0) problems.Add("Indiquez votre adresse électronique.");
        else if (!ContactDetails.IsEmail(email)) problems.Add($"L'adresse électronique « {Email.Trim()} » n'est pas valide (exemple : prenom.nom@exemple.fr).");
        Name(GivenName, "votre prénom", "Le prénom", problems);
        Name(FamilyName, "votre nom", "Le nom", problems);
        problems.AddRange(PasswordPolicy.Problems(Password, email));
        return problems;
    }

    private static void Name(string? value, string what, string label, List<string> problems)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0) problems.Add($"Indiquez {what}.");
        else if (name.Length > MaxNameLength) problems.Add($"{label} doit compter au plus {MaxNameLength} caractères.");
        else if (name.Any(char.IsControl)) problems.Add($"{label} contient un caractère non imprimable.");
    }
}

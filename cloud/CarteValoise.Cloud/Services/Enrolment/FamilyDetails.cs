using System.Text.RegularExpressions;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// A family's details as an agent types them, tidied («01.34.56.78.90» is kept as «01 34 56 78 90»),
/// or every problem at once in French. The shapes are those the families import accepts
/// (the Domain's import values are internal to it, so they are written again here).
/// </summary>
internal sealed partial record FamilyDetails(string Name, string Address, string PostalCode, string City, string Phone, string Email, bool LivesOutsideCommune)
{
    public const int MaxName = 100;
    public const int MaxAddress = 200;
    public const int MaxCity = 100;

    public static (FamilyDetails? Details, IReadOnlyList<string> Problems) Read(SaveFamilyRequest request)
    {
        var problems = new List<string>();
        var name = TextKey.Tidy(request.Name);
        if (name.Length == 0) problems.Add("Le nom de famille est obligatoire.");
        else if (name.Length > MaxName) problems.Add($"Le nom de famille ne doit pas dépasser {MaxName} caractères.");

        var address = TextKey.TidyLines(request.Address);
        if (address.Length > MaxAddress) problems.Add($"L'adresse ne doit pas dépasser {MaxAddress} caractères.");

        var postalCode = TextKey.Tidy(request.PostalCode);
        if (postalCode.Length > 0 && !PostalCodeShape().IsMatch(postalCode))
            problems.Add($"Le code postal « {postalCode} » doit compter 5 chiffres, par exemple 95000.");

        var city = TextKey.Tidy(request.City);
        if (city.Length > MaxCity) problems.Add($"La ville ne doit pas dépasser {MaxCity} caractères.");

        var phone = TextKey.Tidy(request.Phone);
        if (phone.Length > 0)
        {
            var tidy = TidyPhone(phone);
            if (tidy is null) problems.Add($"Le numéro de téléphone « {phone} » n'est pas valide : 10 chiffres, par exemple 01 34 56 78 90.");
            phone = tidy ?? phone;
        }

        var email = TextKey.Tidy(request.Email);
        if (email.Length > 0 && !EmailShape().IsMatch(email))
            problems.Add($"L'adresse électronique « {email} » n'est pas valide (par exemple marie.martin@example.fr).");

        return problems.Count > 0
            ? (null, problems)
            : (new FamilyDetails(name, address, postalCode, city, phone, email, request.LivesOutsideCommune), problems);
    }

    /// <summary>A French number as «01 34 56 78 90», from «0134567890», «01.34.56.78.90» or «+33 1 34 56 78 90»; null otherwise.</summary>
    public static string? TidyPhone(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.TrimStart().StartsWith('+') && digits.StartsWith("33", StringComparison.Ordinal)) digits = "0" + digits[2..];
        else if (digits.StartsWith("0033", StringComparison.Ordinal)) digits = "0" + digits[4..];
        if (digits.Length != 10 || digits[0] != '0' || digits[1] == '0' || text.Any(char.IsLetter)) return null;
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2)));
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCodeShape();

    [GeneratedRegex(@"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,.]{2,}$")]
    private static partial Regex EmailShape();
}

using System.Text.RegularExpressions;

namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// The shapes a family's contact details must have, whether an agent types them or a file brings
/// them: a French phone number, an e-mail address, a five-digit postal code.
/// </summary>
public static partial class ContactDetails
{
    /// <summary>«01 34 56 78 90» from «0134567890», «01.34.56.78.90» or «+33 1 34 56 78 90»; null when it is not a French number.</summary>
    public static string? Phone(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (text.TrimStart().StartsWith('+') && digits.StartsWith("33", StringComparison.Ordinal)) digits = "0" + digits[2..];
        else if (digits.StartsWith("0033", StringComparison.Ordinal)) digits = "0" + digits[4..];
        if (digits.Length != 10 || digits[0] != '0' || digits[1] == '0' || text.Any(char.IsLetter)) return null;
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2)));
    }

    public static bool IsEmail(string text) => Email().IsMatch(text);

    public static bool IsPostalCode(string text) => PostalCode().IsMatch(text);

    [GeneratedRegex(@"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,.]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex PostalCode();
}

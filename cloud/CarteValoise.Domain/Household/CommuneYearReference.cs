using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteValoise.Domain.Household;

/// <summary>
/// The shape every reference a citizen quotes at the counter shares, «DOS-95127-2026-000012»: what it
/// is (three capitals), the commune's INSEE code (Corsica's «2A004» included), the year (Paris) and
/// the number in that commune's year, from 1. One place, so a dossier change and a démarche read alike.
/// </summary>
public static partial class CommuneYearReference
{
    public static string Format(string prefix, string communeCode, int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{communeCode}-{year:D4}-{number:D6}");

    /// <summary>The commune, year and number of a reference of <paramref name="prefix"/>; false for anything else or number 0.</summary>
    public static bool TryParse(string? text, string prefix, out string communeCode, out int year, out int number)
    {
        communeCode = "";
        year = number = 0;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || match.Groups["prefix"].Value != prefix) return false;
        communeCode = match.Groups["commune"].Value;
        year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return number > 0;
    }

    [GeneratedRegex(@"^(?<prefix>[A-Z]{3})-(?<commune>[0-9][0-9AB][0-9]{3})-(?<year>[0-9]{4})-(?<number>[0-9]{6})$")]
    private static partial Regex Pattern();
}

using System.Globalization;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// The shapes of answers, all kept as text: a multi-choice's values one per line, an address on
/// three lines (street, postal code, city), a group item's field under «groupe[1].champ».
/// </summary>
public static class AnswerValues
{
    /// <summary>A document field answered at the counter: the agent saw the paper.</summary>
    public const string SeenAtCounter = "vu-au-guichet";

    public static IReadOnlyList<string> Lines(string? value) =>
        (value ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    public static string JoinLines(IEnumerable<string> values) => string.Join("\n", values);

    /// <summary>The key of a group item's field: «personnes[1].prenom».</summary>
    public static string ItemKey(string groupId, int index, string fieldId) =>
        string.Create(CultureInfo.InvariantCulture, $"{groupId}[{index}].{fieldId}");

    /// <summary>How many items a group's answers hold: the highest index present, plus one (0 without any).</summary>
    public static int ItemCount(string groupId, IEnumerable<string> answerKeys)
    {
        var prefix = groupId + "[";
        var count = 0;
        foreach (var key in answerKeys)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var end = key.IndexOf("].", prefix.Length, StringComparison.Ordinal);
            if (end > prefix.Length && int.TryParse(key.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < DefinitionChecks.MostItems * 2)
                count = Math.Max(count, index + 1);
        }
        return count;
    }

    /// <summary>An address as kept: three lines.</summary>
    public static string Address(string street, string postalCode, string city) => JoinLines([street.Trim(), postalCode.Trim(), city.Trim()]);

    /// <summary>An address's street, postal code and city; null unless it has exactly three lines.</summary>
    public static (string Street, string PostalCode, string City)? AddressParts(string? value) =>
        Lines(value) is [var street, var postalCode, var city] ? (street, postalCode, city) : null;

    /// <summary>A number as people type it: «12,5», «1,5» or «1.5»; null when it is not one.</summary>
    public static decimal? Number(string? value)
    {
        var text = (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number : null;
    }

    /// <summary>«12,5», «1000»: a number as a French reader writes it, ungrouped as in the rule it quotes.</summary>
    public static string FrenchNumber(decimal value) => value.ToString("0.############", French);

    private static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>A date as kept («2026-03-12»); null when it is not a real day.</summary>
    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact((value ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string DateValue(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

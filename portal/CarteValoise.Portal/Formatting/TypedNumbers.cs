using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteValoise.Web.Formatting;

/// <summary>
/// Numbers as people type them in the forms: amounts «3,50», «3.50», «3», «3,5 €», «1 234,00»;
/// whole numbers «12 500»; decimals «0,35 %». Only the reading of what was typed is here; whether
/// a value is acceptable is the rule of the page or of the cloud.
/// </summary>
public static partial class TypedNumbers
{
    /// <summary>The value a form field shows: «3,50», without the euro sign (the label says it).</summary>
    public static string Field(long cents) =>
        (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    public static bool TryParseCents(string? typed, out long cents)
    {
        cents = 0;
        var text = Tidy(typed);
        if (text.EndsWith('€')) text = text[..^1];
        if (!Amount().IsMatch(text)) return false;
        cents = (long)(decimal.Parse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100m);
        return true;
    }

    /// <summary>A whole number typed with or without thousands spaces: «12 500», «650».</summary>
    public static bool TryParseWhole(string? typed, out int value)
    {
        value = 0;
        var text = Tidy(typed);
        return Whole().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A decimal as the contract carries it («0.35») from what was typed («0,35»).</summary>
    public static bool TryParseDecimal(string? typed, out string invariant)
    {
        var text = Tidy(typed);
        if (text.EndsWith('%')) text = text[..^1];
        invariant = text.Replace(',', '.');
        return Decimal().IsMatch(text);
    }

    /// <summary>«0.35» shown as «0,35».</summary>
    public static string DecimalField(string invariant) => invariant.Replace('.', ',');

    // Spaces of every kind: typed, pasted from a spreadsheet (no-break) or from a French number format (narrow no-break).
    private static string Tidy(string? typed) =>
        (typed ?? "").Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Trim();

    [GeneratedRegex(@"^-?\d{1,9}([.,]\d{1,2})?$")]
    private static partial Regex Amount();

    [GeneratedRegex(@"^-?\d{1,9}$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"^\d{1,3}([.,]\d{1,4})?$")]
    private static partial Regex Decimal();
}

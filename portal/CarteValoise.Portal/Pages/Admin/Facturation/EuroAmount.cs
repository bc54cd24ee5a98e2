using System.Globalization;

namespace CarteValoise.Portal.Pages.Admin.Facturation;

/// <summary>An amount typed at the counter, in euros as people write them: «12,50», «12.50», «1 234,5 €», «20».</summary>
public static class EuroAmount
{
    public const string Invalid = "Saisissez le montant reçu en euros, supérieur à zéro, avec au plus deux décimales : par exemple 12,50.";

    public static bool TryParseCents(string? text, out long cents)
    {
        cents = 0;
        var cleaned = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
        if (cleaned.Length == 0 || !decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros))
        {
            return false;
        }
        var scaled = euros * 100;
        if (euros <= 0 || scaled != decimal.Truncate(scaled) || scaled > long.MaxValue)
        {
            return false;
        }
        cents = (long)scaled;
        return true;
    }
}

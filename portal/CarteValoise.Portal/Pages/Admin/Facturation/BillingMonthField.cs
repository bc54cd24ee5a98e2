using System.Globalization;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Admin.Facturation;

/// <summary>
/// The month an agent asks for: what a month field sends (2026-11) or typed by hand (11/2026); the
/// contracts carry it as yyyy-MM. Whether that month may be closed is the cloud's to say.
/// </summary>
public static class BillingMonthField
{
    public static bool TryParse(string? text, out DateOnly firstDay) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM", "MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay)
        && firstDay.Year >= 2000;

    public static string Wire(DateOnly firstDay) => firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>«novembre 2026».</summary>
    public static string Label(DateOnly firstDay) => firstDay.ToString("MMMM yyyy", FrenchFormat.French);

    /// <summary>«de novembre 2026», «d'octobre 2026»: the month after «le mois», «la clôture».</summary>
    public static string OfMonth(DateOnly firstDay)
    {
        var label = Label(firstDay);
        return label[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? $"d'{label}" : $"de {label}";
    }

    /// <summary>The last month already over, in Paris: the one an agent usually closes.</summary>
    public static DateOnly LastFinished(TimeProvider time)
    {
        var today = FrenchFormat.TodayInParis(time);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    public static string Invalid(string? text) =>
        $"Le mois « {text?.Trim()} » n'existe pas : écrivez-le sous la forme année-mois, par exemple 2026-11 pour novembre 2026.";
}

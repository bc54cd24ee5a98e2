using System.Globalization;

namespace CarteValoise.Web.Formatting;

/// <summary>
/// Amounts, days and times as a French reader expects them, in Europe/Paris time:
/// «12,34 €», «vendredi 4 décembre 2026», «12:05».
/// </summary>
public static class FrenchFormat
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Plain spaces rather than the culture's narrow no-break spaces, so the text reads and
    // searches the way people type it; the page keeps an amount on one line with CSS.
    private static readonly NumberFormatInfo Amounts = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = " ",
        NegativeSign = "-",
    };

    public static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", Amounts) + " €";

    /// <summary>A movement of the balance, its sign always shown: «+20,00 €», «-3,50 €».</summary>
    public static string SignedEuros(long cents) => (cents > 0 ? "+" : "") + Euros(cents);

    public static DateTimeOffset InParis(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Paris);

    public static string Time(DateTimeOffset at) => InParis(at).ToString("HH:mm", French);

    public static string Day(DateOnly day) => day.ToString(day.Day == 1 ? "dddd '1er' MMMM yyyy" : "dddd d MMMM yyyy", French);

    public static string DayAndTime(DateTimeOffset at)
    {
        var local = InParis(at);
        return local.ToString(local.Day == 1 ? "'1er' MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'à' HH:mm", French);
    }

    /// <summary>The machine-readable instant, as in data-* markers and &lt;time datetime&gt;.</summary>
    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateOnly TodayInParis(TimeProvider time) => DateOnly.FromDateTime(InParis(time.GetUtcNow()).DateTime);

    /// <summary>A day as the contracts carry it (yyyy-MM-dd, Europe/Paris).</summary>
    public static string WireDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseWireDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>A day typed in a form: what a date field sends (yyyy-MM-dd), or typed by hand (04/12/2026).</summary>
    public static bool TryParseTypedDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

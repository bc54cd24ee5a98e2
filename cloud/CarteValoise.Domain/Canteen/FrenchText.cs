using System.Globalization;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// Days, times and amounts the way the refusals and invoices read them: «mardi 1er décembre 2026»,
/// «12:00», «3,50 €». Spelt out here rather than taken from the fr-FR culture so a message never
/// depends on the ICU data of the machine that runs the rule.
/// </summary>
public static class FrenchText
{
    private static readonly string[] Weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
    private static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static string Weekday(DayOfWeek day) => Weekdays[(int)day];

    public static string Month(int month) => Months[month - 1];

    /// <summary>«jeudi 3 décembre 2026», «mardi 1er décembre 2026».</summary>
    public static string Day(DateOnly day) =>
        $"{Weekday(day.DayOfWeek)} {(day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture))} {Month(day.Month)} {day.Year}";

    /// <summary>«12:00».</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant as read on a clock in Paris: «mardi 1er décembre 2026 à 12:00».</summary>
    public static string DayAndTime(DateTimeOffset instant)
    {
        var paris = ServiceDay.ToParisTime(instant);
        return $"{Day(DateOnly.FromDateTime(paris.DateTime))} à {Time(TimeOnly.FromDateTime(paris.DateTime))}";
    }

    /// <summary>«10 000»: plain spaces, as people type them (the portal does the same).</summary>
    public static string Number(long value) => value.ToString("#,##0", Amounts);

    /// <summary>«3,50 €», «-12,40 €», «1 234,00 €» — the portal's FrenchFormat.Euros writes the same.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", Amounts) + " €";

    private static readonly NumberFormatInfo Amounts = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = " ",
        NegativeSign = "-",
    };
}

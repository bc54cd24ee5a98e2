using System.Globalization;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Cloud.Documents;

/// <summary>Dates as an invoice prints them, from the same French words as the rest of the platform.</summary>
internal static class InvoiceText
{
    /// <summary>«5 janvier 2027», «1er février 2027».</summary>
    public static string Date(DateOnly day) =>
        $"{(day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture))} {FrenchText.Month(day.Month)} {day.Year}";

    /// <summary>«jeu. 03/12»: the month and year are in the invoice's heading.</summary>
    public static string LineDate(DateOnly day) =>
        $"{FrenchText.Weekday(day.DayOfWeek)[..3]}. {day.ToString("dd/MM", CultureInfo.InvariantCulture)}";

    /// <summary>«Cantine · QF de 450 à 699».</summary>
    public static string Service(InvoiceLine line) => $"{line.Service.Label()} · {line.Description}";
}

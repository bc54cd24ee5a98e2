using System.Globalization;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Documents;

/// <summary>Days as a document's status reads them, without the weekday: «4 mars 2027», «1er juin 2026».</summary>
public static class DocumentDates
{
    public static string Long(DateOnly day) =>
        $"{(day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture))} {FrenchText.Month(day.Month)} {day.Year.ToString(CultureInfo.InvariantCulture)}";
}

using System.Collections.Concurrent;

namespace CarteValoise.Domain.Canteen;

public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// The eleven jours fériés of metropolitan France (Code du travail L3133-1), outside
/// Alsace-Moselle: eight on fixed dates and three that follow Easter. The Lundi de Pentecôte is
/// kept as a day off: schools and canteens are closed on it even where it is the journée de solidarité.
/// </summary>
public static class PublicHolidays
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, PublicHoliday>> ByYear = new();

    public static IReadOnlyList<PublicHoliday> Of(int year) => [.. For(year).Values.OrderBy(h => h.Date)];

    public static PublicHoliday? On(DateOnly day) => For(day.Year).GetValueOrDefault(day);

    private static IReadOnlyDictionary<DateOnly, PublicHoliday> For(int year) => ByYear.GetOrAdd(year, Compute);

    private static IReadOnlyDictionary<DateOnly, PublicHoliday> Compute(int year)
    {
        var easter = Easter.SundayOf(year);
        PublicHoliday[] holidays =
        [
            new(new DateOnly(year, 1, 1), "Jour de l'an"),
            new(easter.AddDays(1), "Lundi de Pâques"),
            new(new DateOnly(year, 5, 1), "Fête du Travail"),
            new(new DateOnly(year, 5, 8), "Victoire 1945"),
            new(easter.AddDays(39), "Ascension"),
            new(easter.AddDays(50), "Lundi de Pentecôte"),
            new(new DateOnly(year, 7, 14), "Fête nationale"),
            new(new DateOnly(year, 8, 15), "Assomption"),
            new(new DateOnly(year, 11, 1), "Toussaint"),
            new(new DateOnly(year, 11, 11), "Armistice 1918"),
            new(new DateOnly(year, 12, 25), "Noël"),
        ];
        return holidays.ToDictionary(h => h.Date);
    }
}

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// The school calendar of the académie de Versailles (zone C), the Val d'Oise's, as a commune
/// starts with before editing it. The dates come from the national arrêté; a commune checks them
/// and corrects its copy rather than waiting for a new release.
/// </summary>
public static class ZoneCCalendars
{
    public static SchoolCalendar Year2026To2027(IEnumerable<DayOfWeek>? classDays = null) => SchoolCalendar.Create(
        "Année scolaire 2026-2027 (zone C)",
        rentree: new DateOnly(2026, 9, 1),
        summerBeginsAfterClassOn: new DateOnly(2027, 7, 3),
        [
            new("Vacances de la Toussaint", new DateOnly(2026, 10, 17), new DateOnly(2026, 11, 2)),
            new("Vacances de Noël", new DateOnly(2026, 12, 19), new DateOnly(2027, 1, 4)),
            new("Vacances d'hiver", new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 22)),
            new("Vacances de printemps", new DateOnly(2027, 4, 3), new DateOnly(2027, 4, 19)),
            SchoolHoliday.SingleDay("Pont de l'Ascension", new DateOnly(2027, 5, 7)),
        ],
        classDays);
}

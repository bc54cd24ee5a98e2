using CarteValoise.Contracts.Canteen;

namespace CarteValoise.Portal.Pages.Admin.Regles;

/// <summary>A service a commune may run, as the agents' forms name it: «Cantine», field names starting «cantine-».</summary>
public sealed record SchoolServiceName(SchoolServiceKind Kind, string Slug, string Label);

/// <summary>A day a school may open, as the forms name it: «lundi», with its System.DayOfWeek number.</summary>
public sealed record SchoolWeekday(int Number, string Name);

/// <summary>The services and school days the rules and enrolment forms offer, in the order agents read them.</summary>
public static class SchoolServices
{
    public static readonly IReadOnlyList<SchoolServiceName> All =
    [
        new(SchoolServiceKind.SchoolServiceCanteen, "cantine", "Cantine"),
        new(SchoolServiceKind.SchoolServiceMorningCare, "matin", "Accueil du matin"),
        new(SchoolServiceKind.SchoolServiceEveningCare, "soir", "Accueil du soir"),
        new(SchoolServiceKind.SchoolServiceWednesdayCare, "mercredi", "Accueil du mercredi"),
    ];

    /// <summary>
    /// Every day of the week, Monday first: some communes still have Saturday morning classes, and a
    /// form that could not show a day the rules hold would drop it at the next save.
    /// </summary>
    public static readonly IReadOnlyList<SchoolWeekday> Weekdays =
    [
        new(1, "lundi"), new(2, "mardi"), new(3, "mercredi"), new(4, "jeudi"), new(5, "vendredi"), new(6, "samedi"), new(0, "dimanche"),
    ];

    public static SchoolServiceName Of(SchoolServiceKind kind) =>
        All.FirstOrDefault(s => s.Kind == kind) ?? new SchoolServiceName(kind, kind.ToString().ToLowerInvariant(), kind.ToString());

    /// <summary>«lundi, mardi et jeudi».</summary>
    public static string DayList(IEnumerable<int> days)
    {
        var names = days.OrderBy(d => (d + 6) % 7).Select(d => Weekdays.FirstOrDefault(w => w.Number == d)?.Name ?? d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return names.Count switch
        {
            0 => "aucun jour",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " et " + names[^1],
        };
    }
}

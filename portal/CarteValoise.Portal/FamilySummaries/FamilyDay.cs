using CarteValoise.Contracts.Families;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Web.FamilySummaries;

/// <summary>A family's summary for one Europe/Paris day, as the portal and the kiosk both show it.</summary>
public sealed record FamilyDay(FamilySummary Summary, DateOnly Day, bool IsToday)
{
    public static FamilyDay From(FamilySummary summary, TimeProvider time)
    {
        var today = FrenchFormat.TodayInParis(time);
        var day = FrenchFormat.TryParseWireDay(summary.Date, out var answered) ? answered : today;
        return new FamilyDay(summary, day, day == today);
    }

    /// <summary>Another day than today, as in «Aucun repas le vendredi 4 décembre 2026».</summary>
    public string WhenSaid => $"le {FrenchFormat.Day(Day)}";
}

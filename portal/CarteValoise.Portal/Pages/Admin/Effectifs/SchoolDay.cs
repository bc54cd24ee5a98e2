using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Families;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>
/// One school on one day as the counts page, the kitchen list and its CSV show it: the school's
/// commune and its other schools (for the select), and the cloud's report. The school and commune
/// asked for go to the cloud as they are: it refuses a school of a commune the agent is not given.
/// </summary>
public sealed record SchoolDay(
    IReadOnlyList<CommuneChoice> MyCommunes,
    string? Commune,
    string CommuneName,
    IReadOnlyList<SchoolMealCount> Schools,
    DateOnly Day,
    SchoolDayReport? Report)
{
    public const string SchoolField = "ecole";
    public const string DateField = "date";
    public const string CommuneField = "commune";

    public const string BadDate = "La date demandée n'est pas valide : choisissez un jour, par exemple 04/12/2026. Voici la journée d'aujourd'hui.";

    /// <param name="dateText">What the agent asked for; <paramref name="badDate"/> is told when it is not a day (then today is shown).</param>
    public static async Task<SchoolDay> LoadAsync(
        CanteenReports.CanteenReportsClient reports, Canteen.CanteenClient canteen, TimeProvider time,
        IReadOnlyList<CommuneChoice> myCommunes, string? commune, string? schoolId, string? dateText, Action badDate, CancellationToken cancel)
    {
        var day = FrenchFormat.TodayInParis(time);
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            if (FrenchFormat.TryParseTypedDay(dateText, out var asked)) day = asked;
            else badDate();
        }
        var wireDay = FrenchFormat.WireDay(day);

        SchoolDayReport? report = null;
        if (!string.IsNullOrWhiteSpace(schoolId))
        {
            // The school decides the commune: its report says which one it belongs to.
            report = await reports.GetSchoolDayReportAsync(new SchoolDayReportRequest { SchoolId = schoolId.Trim(), Date = wireDay }, cancellationToken: cancel);
            commune = report.CommuneInseeCode;
        }
        commune = string.IsNullOrWhiteSpace(commune) ? myCommunes.FirstOrDefault()?.InseeCode : commune.Trim();
        if (commune is null)
        {
            return new SchoolDay(myCommunes, null, "", [], day, null);
        }

        var counts = await canteen.GetDailyMealCountsAsync(new DailyMealCountsRequest { CommuneInseeCode = commune, Date = wireDay }, cancellationToken: cancel);
        var schools = counts.Schools.ToList();
        if (report is null && schools.Count > 0)
        {
            report = await reports.GetSchoolDayReportAsync(new SchoolDayReportRequest { SchoolId = schools[0].SchoolId, Date = wireDay }, cancellationToken: cancel);
        }
        if (report is not null && FrenchFormat.TryParseWireDay(report.Date, out var answered))
        {
            day = answered;
        }
        var communeName = counts.CommuneName.Length > 0 ? counts.CommuneName
            : myCommunes.FirstOrDefault(c => c.InseeCode == commune)?.Name ?? commune;
        return new SchoolDay(myCommunes, commune, communeName, schools, day, report);
    }
}

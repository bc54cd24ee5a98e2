using CarteValoise.Contracts.Canteen;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>The week of a commune, Monday to Friday: forecast against actual for each school, as charts and as a table.</summary>
public sealed class SemaineModel(CanteenReports.CanteenReportsClient reports, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = SchoolDay.CommuneField)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = SchoolDay.DateField)]
    public string? Date { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DateOnly Day { get; private set; }

    public WeekCounts? Week { get; private set; }

    public WeekChart? Chart { get; private set; }

    public string CommuneLabel => Week is { CommuneName.Length: > 0 } ? Week.CommuneName
        : MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public string WeekLink(int weeks) =>
        Url.Page("/Admin/Effectifs/Semaine", new { commune = Commune, date = FrenchFormat.WireDay(Day.AddDays(7 * weeks)) })!;

    public async Task OnGetAsync()
    {
        MyCommunes = User.Communes();
        Day = FrenchFormat.TodayInParis(time);
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (FrenchFormat.TryParseTypedDay(Date, out var asked)) Day = asked;
            else ModelState.AddModelError(SchoolDay.DateField, "La date demandée n'est pas valide : choisissez un jour, par exemple 04/12/2026. Voici la semaine en cours.");
        }
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null)
        {
            return;
        }
        Week = await reports.GetWeekCountsAsync(new WeekCountsRequest { CommuneInseeCode = Commune, Date = FrenchFormat.WireDay(Day) },
            cancellationToken: HttpContext.RequestAborted);
        Chart = WeekChart.From(Week);
        if (Chart.Days.Count > 0)
        {
            Day = Chart.Days[0];
        }
    }
}

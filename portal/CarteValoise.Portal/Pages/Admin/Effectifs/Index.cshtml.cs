using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Families;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>
/// The canteen of one school on one day: the forecast (reservations) against the actual (taps), the
/// children expected but absent, those present without a reservation, the allergy plans; and the
/// kitchen's list as a CSV file (handler Csv) or a printable page (/Admin/Effectifs/Impression).
/// </summary>
public sealed class IndexModel(CanteenReports.CanteenReportsClient reports, Canteen.CanteenClient canteen, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = SchoolDay.CommuneField)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = SchoolDay.SchoolField)]
    public string? School { get; set; }

    [BindProperty(SupportsGet = true, Name = SchoolDay.DateField)]
    public string? Date { get; set; }

    public SchoolDay View { get; private set; } = null!;

    public SchoolDayReport? Report => View.Report;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The kitchen's list as a file; a day that is not a date gets the page and its French message instead.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid || Report is null)
        {
            return Page();
        }
        return File(KitchenCsv.Write(Report), "text/csv; charset=utf-8", KitchenCsv.FileName(Report));
    }

    /// <summary>The same page for another day, school and commune kept.</summary>
    public string DayLink(DateOnly day) => Url.Page("/Admin/Effectifs/Index", new { ecole = Report?.SchoolId, date = FrenchFormat.WireDay(day) })!;

    private async Task LoadAsync() =>
        View = await SchoolDay.LoadAsync(reports, canteen, time, User.Communes(), Commune, School, Date,
            () => ModelState.AddModelError(SchoolDay.DateField, SchoolDay.BadDate), HttpContext.RequestAborted);
}

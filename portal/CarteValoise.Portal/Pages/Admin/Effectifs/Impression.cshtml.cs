using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Families;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>The kitchen's list of one school day on paper: the allergy plans first, then every child reserved or present.</summary>
public sealed class ImpressionModel(CanteenReports.CanteenReportsClient reports, Canteen.CanteenClient canteen, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = SchoolDay.CommuneField)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = SchoolDay.SchoolField)]
    public string? School { get; set; }

    [BindProperty(SupportsGet = true, Name = SchoolDay.DateField)]
    public string? Date { get; set; }

    public SchoolDay View { get; private set; } = null!;

    public DateTimeOffset PrintedAt { get; private set; }

    public async Task OnGetAsync()
    {
        PrintedAt = time.GetUtcNow();
        View = await SchoolDay.LoadAsync(reports, canteen, time, User.Communes(), Commune, School, Date,
            () => ModelState.AddModelError(SchoolDay.DateField, SchoolDay.BadDate), HttpContext.RequestAborted);
    }
}

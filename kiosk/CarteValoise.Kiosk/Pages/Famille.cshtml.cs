using CarteValoise.Contracts.Families;
using CarteValoise.Web.FamilySummaries;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Kiosk.Pages;

/// <summary>The family summary of the card just read, today; it ends by itself when left alone.</summary>
public sealed class FamilleModel(Families.FamiliesClient families, IOptions<KioskOptions> kiosk, TimeProvider time) : PageModel
{
    public int IdleSeconds => kiosk.Value.IdleSeconds;

    public FamilyDay Family { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        // Private data on a public screen: never kept by the browser's cache.
        Response.Headers.CacheControl = "no-store";
        Family = FamilyDay.From(
            await families.GetMyFamilyAsync(new GetMyFamilyRequest(), cancellationToken: HttpContext.RequestAborted), time);
    }
}

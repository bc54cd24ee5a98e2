using CarteValoise.Contracts.Families;
using CarteValoise.Web.FamilySummaries;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Kiosk.Pages;

/// <summary>The family summary of the card just read, today; left alone, it asks whether the citizen is still there.</summary>
public sealed class FamilleModel(Families.FamiliesClient families, IOptions<KioskOptions> kiosk, TimeProvider time) : PageModel
{
    public int IdleSeconds => kiosk.Value.IdleSeconds;

    /// <summary>
    /// When the page left alone asks whether the citizen is still there: early enough for the session
    /// to end after about <see cref="IdleSeconds"/> in all, and always before its cookie lapses.
    /// </summary>
    public int WarnAfterSeconds => WarnAfter(IdleSeconds);

    public static int WarnAfter(int idleSeconds) => Math.Max(idleSeconds - InactiviteModel.WarningSeconds, (idleSeconds + 1) / 2);

    public FamilyDay Family { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        // Private data on a public screen: never kept by the browser's cache.
        Response.Headers.CacheControl = "no-store";
        // Left alone, the page asks whether the citizen is still there (a warning they can answer),
        // rather than ending the session unannounced.
        Response.Headers["Refresh"] = $"{WarnAfterSeconds};url=/Inactivite";
        Family = FamilyDay.From(
            await families.GetMyFamilyAsync(new GetMyFamilyRequest(), cancellationToken: HttpContext.RequestAborted), time);
    }
}

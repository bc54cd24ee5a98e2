using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Kiosk.Pages;

/// <summary>
/// «Êtes-vous toujours là ?»: where the family page goes when left alone. The citizen is warned and
/// has <see cref="WarningSeconds"/> seconds to continue with one touch, as often as they like (WCAG
/// 2.2.1, time limits that can be extended); without an answer, the session ends (/Fin) so that the
/// next person at the kiosk does not see the family. It shows nothing of the family itself.
/// </summary>
public sealed class InactiviteModel : PageModel
{
    /// <summary>At least the 20 seconds WCAG asks for to extend a time limit.</summary>
    public const int WarningSeconds = 30;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return RedirectToPage("/Index");
        }
        Response.Headers.CacheControl = "no-store";
        // The Refresh header, as the meta element would, but in the answer rather than the page.
        Response.Headers["Refresh"] = $"{WarningSeconds};url=/Fin";
        return Page();
    }
}

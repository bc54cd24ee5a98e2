using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Web.Pages;

/// <summary>
/// The French status pages (403 «Accès refusé», 503 «momentanément indisponible», 404…),
/// rendered in place of the page that failed. Shared with the kiosk.
/// </summary>
// Re-executed with the failed request's method, a POST included; it changes nothing.
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    public int Status => Code is >= 400 and <= 599 ? Code.Value : StatusCodes.Status500InternalServerError;

    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    private IActionResult Render()
    {
        // Asked for directly rather than re-executed: answer with the status it describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = Status;
        }
        return Page();
    }
}

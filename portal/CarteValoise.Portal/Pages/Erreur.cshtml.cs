using CarteValoise.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Web.Pages;

/// <summary>
/// The French status pages (403 «Accès refusé», 503 «momentanément indisponible», 404, a form
/// refused for its anti-forgery token…), rendered in place of the page that failed. Shared with the kiosk.
/// </summary>
// Re-executed with the failed request's method, a POST included; it changes nothing.
[IgnoreAntiforgeryToken]
public sealed class ErreurModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    public int Status => Code is >= 400 and <= 599 ? Code.Value : StatusCodes.Status500InternalServerError;

    /// <summary>A form refused for its anti-forgery token (sent from a page left open too long, or forged): nothing was done.</summary>
    public bool FormRejected => Status == StatusCodes.Status400BadRequest && RejectedForms.IsRejected(HttpContext);

    /// <summary>The page whose form was refused, to open afresh; none when it is not a path of this site.</summary>
    public string? PageToReload
    {
        get
        {
            var failed = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
            var path = failed is null ? "" : failed.OriginalPathBase + failed.OriginalPath;
            // "//elsewhere" or "/\elsewhere" would lead a browser to another site.
            if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal))
            {
                return null;
            }
            return path + failed!.OriginalQueryString;
        }
    }

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

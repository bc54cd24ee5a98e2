using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Kiosk.Pages;

/// <summary>
/// Ends the kiosk session: reached by «Terminer» and by the idle refresh of the family page,
/// which is why it is a GET (ending a session at a public kiosk is always welcome).
/// </summary>
public sealed class FinModel : PageModel
{
    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        await HttpContext.SignOutAsync(SessionClaims.Scheme);
    }
}

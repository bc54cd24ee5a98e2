using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages;

/// <summary>Signs out (POST, with anti-forgery) and goes back to the sign-in page.</summary>
public sealed class DeconnexionModel : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Connexion");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(SessionClaims.Scheme);
        return RedirectToPage("/Connexion");
    }
}

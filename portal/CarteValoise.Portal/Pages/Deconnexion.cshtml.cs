using CarteValoise.Portal.MyAccount;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages;

/// <summary>
/// Signs out (POST, with anti-forgery): the cloud ends the session, the cookie is cleared, and after
/// a FranceConnect sign-in FranceConnect's session is ended too; then back to the sign-in page.
/// </summary>
public sealed class DeconnexionModel(PortalSignOut signOut) : PageModel
{
    public const string SignedOut = "Votre session est terminée.";

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Connexion");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true) await signOut.EndCloudSessionAsync(HttpContext);
        TempData[Notices.Done] = SignedOut;
        return await signOut.LeaveAsync(HttpContext, then: "/Connexion") ? new EmptyResult() : RedirectToPage("/Connexion");
    }
}

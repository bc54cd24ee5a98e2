using CarteValoise.Portal.MyAccount;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Compte;

/// <summary>
/// «Lier FranceConnect»: off to FranceConnect; back through the handler's callback, the cloud links
/// that identity to this account. The button of «Mon compte» posts here directly; opened by its
/// address, the page explains first.
/// </summary>
public sealed class LierFranceConnectModel(PortalFranceConnect franceConnect) : PageModel
{
    public IActionResult OnGet() => franceConnect.IsConfigured ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!franceConnect.IsConfigured) return NotFound();
        var properties = new AuthenticationProperties { RedirectUri = "/Compte" };
        properties.Items[FranceConnectSignIn.LinkItem] = "1";
        if (await FranceConnectSignIn.TryChallengeAsync(HttpContext, properties)) return new EmptyResult();
        ModelState.AddModelError(string.Empty, FranceConnectSignIn.Unreachable);
        return Page();
    }
}

using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Compte;

/// <summary>
/// «Se déconnecter partout»: the cloud ends every session of the account, this one included; the
/// other devices find themselves at the sign-in page at their next page. The button of «Mon compte»
/// posts here directly; opened by its address, the page asks first.
/// </summary>
public sealed class DeconnexionPartoutModel(Accounts.AccountsClient accounts, PortalSignOut signOut) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var reply = await accounts.SignOutEverywhereAsync(new SignOutEverywhereRequest(), cancellationToken: HttpContext.RequestAborted);
        TempData[Notices.Done] = Ended(reply.SessionsEnded);
        return await signOut.LeaveAsync(HttpContext, then: "/Connexion") ? new EmptyResult() : Redirect("/Connexion");
    }

    public static string Ended(int sessions) => sessions > 1
        ? $"Vos {sessions} sessions sont fermées, sur tous vos appareils. Reconnectez-vous pour continuer."
        : "Votre session est fermée. Reconnectez-vous pour continuer.";
}

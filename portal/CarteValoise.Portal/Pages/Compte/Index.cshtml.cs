using CarteValoise.Contracts.Accounts;
using CarteValoise.Portal.MyAccount;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Compte;

/// <summary>
/// «Mon compte»: the account as the cloud holds it, its double authentication, the sessions open
/// on every device («Se déconnecter partout» ends them all), and FranceConnect to link.
/// </summary>
public sealed class IndexModel(Accounts.AccountsClient accounts, PortalFranceConnect franceConnect) : PageModel
{
    public AccountDetails Account { get; private set; } = null!;

    public IReadOnlyList<ActiveSession> Sessions { get; private set; } = [];

    /// <summary>Left by the previous step: double authentication turned off, FranceConnect linked…</summary>
    [TempData(Key = Notices.Done)]
    public string? Done { get; set; }

    [TempData(Key = Notices.Refusal)]
    public string? Refusal { get; set; }

    public bool OffersFranceConnectLink => franceConnect.IsConfigured && !Account.FranceconnectLinked;

    public async Task OnGetAsync()
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        Account = await accounts.GetAccountAsync(new GetAccountRequest(), cancellationToken: HttpContext.RequestAborted);
        Sessions = (await accounts.ListSessionsAsync(new ListSessionsRequest(), cancellationToken: HttpContext.RequestAborted)).Sessions
            .OrderByDescending(s => s.Current).ThenByDescending(s => s.StartedAt?.ToDateTimeOffset()).ToList();
    }

    public static string RoleSaid(Role role) => role switch
    {
        Role.Parent => "parent",
        Role.Agent => "agent de la commune",
        Role.Administrator => "administrateur",
        _ => "",
    };
}

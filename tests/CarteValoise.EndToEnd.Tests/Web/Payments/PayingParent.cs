using System.Globalization;
using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web.Payments;

/// <summary>The sandbox gateway's page for one payment, where the parent's browser was sent.</summary>
public sealed record GatewayPage(Uri Address, string IdOp, string Html);

/// <summary>
/// A parent paying through the portal and the sandbox gateway with a plain HTTP client, as a browser
/// would: the portal's form sends them to the gateway's page, where they pay with the test card,
/// refuse or abandon, and the gateway sends them back to the return page.
/// </summary>
public sealed class PayingParent(WebSession session, Uri portal)
{
    public static readonly IReadOnlyDictionary<string, string> TestCard = new Dictionary<string, string>
    {
        ["numeroCarte"] = "4970 1000 0000 0003",
        ["expiration"] = "12/29",
        ["cryptogramme"] = "123",
    };

    /// <summary>Asks to top the balance up on /Paiement/Recharger and lands on the gateway's page.</summary>
    public async Task<GatewayPage> StartTopUpAsync(long cents)
    {
        var typed = (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        var landed = await session.SubmitFormHoldingAsync("/Paiement/Recharger", "montant", new Dictionary<string, string> { ["montant"] = typed });
        return OnGateway(landed);
    }

    /// <summary>Presses «Payer» on an invoice's confirmation page and lands on the gateway's page.</summary>
    public async Task<GatewayPage> StartInvoiceAsync(string invoiceNumber)
    {
        var landed = await session.SubmitFormAsync($"/Paiement/Facture/{invoiceNumber}", new Dictionary<string, string>());
        return OnGateway(landed);
    }

    /// <summary>«payer», «refuser» or «abandonner» on the gateway's page, with test options if any; the page the browser ends on.</summary>
    public Task<WebPage> ChooseAsync(GatewayPage gateway, string action, IReadOnlyDictionary<string, string>? options = null)
    {
        var fields = new Dictionary<string, string>(TestCard) { ["idop"] = gateway.IdOp, ["action"] = action };
        foreach (var (key, value) in options ?? new Dictionary<string, string>()) fields[key] = value;
        return session.SubmitFormHoldingAsync(gateway.Address.PathAndQuery, "numeroCarte", fields);
    }

    /// <summary>
    /// Pays on the gateway's page from a browser that never comes back (closed at once), the gateway's
    /// notification lost on the way: only a reconciliation can tell the platform.
    /// </summary>
    public async Task PayAndVanishAsync(GatewayPage gateway)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal };
        var page = await browser.GetStringAsync(gateway.Address.PathAndQuery);
        var token = Markup.Tags(page, "input").Single(i => i["name"] == "__RequestVerificationToken")["value"]!;
        var fields = new Dictionary<string, string>(TestCard)
        {
            ["idop"] = gateway.IdOp,
            ["action"] = "payer",
            ["sansNotification"] = "on",
            ["__RequestVerificationToken"] = token,
        };
        using var paid = await browser.PostAsync(PaymentsDemo.SandboxPage, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal($"/Paiement/Retour?idop={gateway.IdOp}", paid.Headers.Location!.PathAndQuery);
    }

    private static GatewayPage OnGateway(WebPage landed)
    {
        Assert.True(landed.Address.AbsolutePath == PaymentsDemo.SandboxPage,
            $"The portal did not send the parent to the gateway but to {landed.Address} ({(int)landed.Status}):\n{landed.Text}");
        var idOp = System.Web.HttpUtility.ParseQueryString(landed.Address.Query)["idop"];
        Assert.False(string.IsNullOrEmpty(idOp), $"The gateway's address {landed.Address} carries no idop.");
        return new GatewayPage(landed.Address, idOp!, landed.Html);
    }
}

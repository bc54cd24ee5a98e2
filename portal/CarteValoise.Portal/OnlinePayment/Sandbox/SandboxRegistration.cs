namespace CarteValoise.Portal.OnlinePayment.Sandbox;

/// <summary>
/// The sandbox gateway, on when <c>PayFiP:Sandbox:Enabled</c> is true: PayFiP's web service and
/// payment page served by the portal itself under /bac-a-sable/payfip/tpa/…, anonymous like PayFiP,
/// its payments in memory. The cloud is pointed at it with <c>PayFiP:SoapUrl</c> and
/// <c>PayFiP:PaymentPageUrl</c>; the real PayFiP is reached by changing those two settings only.
/// </summary>
public static class SandboxRegistration
{
    public const string Root = "/bac-a-sable/payfip";
    public const string NotifierClient = "payfip-bac-a-sable";

    public static IServiceCollection AddPayFiPSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxPayments>();
        services.AddHttpClient(NotifierClient, http => http.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }

    public static void MapPayFiPSandbox(this WebApplication app)
    {
        app.MapPost($"{Root}/tpa/services/securite", SandboxSoap.HandleAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet($"{Root}/tpa/paiementws.web", SandboxPaymentPage.Show).AllowAnonymous();
        // The page's own form: its anti-forgery token is checked by the handler itself.
        app.MapPost($"{Root}/tpa/paiementws.web", SandboxPaymentPage.ChooseAsync).AllowAnonymous().DisableAntiforgery();
        app.MapGet($"{Root}/bac-a-sable.css", () => Results.Text(SandboxStyle.Css, "text/css; charset=utf-8")).AllowAnonymous();
    }
}

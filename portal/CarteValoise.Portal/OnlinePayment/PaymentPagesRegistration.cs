using CarteValoise.Contracts.Payments;
using CarteValoise.Portal.OnlinePayment.Sandbox;
using CarteValoise.Web.Cloud;

namespace CarteValoise.Portal.OnlinePayment;

/// <summary>
/// What this area adds to the portal: the cloud's Payments client (made as CloudClients makes the
/// others: the same channel, the signed-in user's token on every call), PayFiP's notification
/// endpoint /Paiement/Notification, and, when <c>PayFiP:Sandbox:Enabled</c> is true (the demo and
/// the tests), the local sandbox gateway under /bac-a-sable/payfip that speaks PayFiP's protocol.
/// The pages are /Paiement/* (parents) and /Admin/Paiements (agents), signed in as every page.
/// </summary>
public static class PaymentPagesRegistration
{
    public static IServiceCollection AddPaymentPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudClient<Payments.PaymentsClient>(configuration, Payments.Descriptor);
        if (configuration.GetValue("PayFiP:Sandbox:Enabled", false)) services.AddPayFiPSandbox();
        return services;
    }

    public static WebApplication MapPaymentPages(this WebApplication app)
    {
        app.MapPaymentNotification();
        if (app.Configuration.GetValue("PayFiP:Sandbox:Enabled", false)) app.MapPayFiPSandbox();
        return app;
    }
}

namespace CarteValoise.Portal.OnlinePayment;

/// <summary>What this area adds to the portal: its services, page conventions and endpoints.</summary>
public static class PaymentPagesRegistration
{
    public static IServiceCollection AddPaymentPages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapPaymentPages(this WebApplication app) => app;
}

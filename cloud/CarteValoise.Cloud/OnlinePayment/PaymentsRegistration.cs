using CarteValoise.Cloud.Privacy;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// What this area adds to the silo: PayFiP's SOAP client (settings under <c>PayFiP:</c>, see
/// <see cref="PayFiPSettings"/>), the confirmation of payments, the receipts mailed to payers, the
/// reconciliation timer, the payments' part of «Mes données», and the Payments gRPC service.
/// </summary>
public static class PaymentsRegistration
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton(PayFiPSettings.From(configuration));
        // The client's own timeout is the settings' (per call, in PayFiPSoapClient); HttpClient's is only a backstop.
        services.AddHttpClient(PayFiPSoapClient.HttpClientName, http => http.Timeout = TimeSpan.FromMinutes(2));
        services.AddSingleton<IPayFiPGateway, PayFiPSoapClient>();
        services.AddSingleton<PaymentStarter>();
        services.AddSingleton<PaymentConfirmer>();
        services.AddSingleton<ReceiptMailer>();
        services.AddHostedService(provider => provider.GetRequiredService<ReceiptMailer>());
        services.AddHostedService<PaymentReconciler>();
        services.AddSingleton<IPersonalDataSection, PaymentsPersonalData>();
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PaymentsService>();
        return endpoints;
    }
}

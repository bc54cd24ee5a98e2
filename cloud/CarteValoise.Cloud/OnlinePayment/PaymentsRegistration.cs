namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class PaymentsRegistration
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services;

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints) => endpoints;
}

namespace CarteValoise.Cloud.Identity.FranceConnect;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class FranceConnectRegistration
{
    public static IServiceCollection AddFranceConnect(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services;

    public static IEndpointRouteBuilder MapFranceConnect(this IEndpointRouteBuilder endpoints) => endpoints;
}

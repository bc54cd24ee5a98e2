namespace CarteValoise.Cloud.Identity;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services;

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints) => endpoints;
}

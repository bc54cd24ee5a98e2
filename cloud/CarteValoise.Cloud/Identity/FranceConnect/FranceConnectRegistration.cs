namespace CarteValoise.Cloud.Identity.FranceConnect;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class FranceConnectRegistration
{
    public static IServiceCollection AddFranceConnect(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var settings = FranceConnectSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<IFranceConnectVerifier>(provider => new FranceConnectVerifier(
            settings,
            // One long-lived handler whose connections are renewed, so that a DNS change reaches us.
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<FranceConnectVerifier>>()));
        return services;
    }

    public static IEndpointRouteBuilder MapFranceConnect(this IEndpointRouteBuilder endpoints) => endpoints;
}

namespace CarteValoise.Cloud.Privacy;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class PersonalDataRegistration
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services;

    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder endpoints) => endpoints;
}

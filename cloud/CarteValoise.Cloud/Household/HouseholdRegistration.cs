using CarteValoise.Cloud.Privacy;

namespace CarteValoise.Cloud.Household;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class HouseholdRegistration
{
    public static IServiceCollection AddHousehold(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services
        .AddSingleton<HouseholdDirectory>()
        .AddSingleton<HouseholdPrefillReader>()
        .AddSingleton<DossierChangeMails>()
        .AddSingleton<IPersonalDataSection, HouseholdPersonalData>();

    public static IEndpointRouteBuilder MapHousehold(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<HouseholdsService>();
        return endpoints;
    }
}

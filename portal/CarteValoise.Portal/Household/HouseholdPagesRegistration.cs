namespace CarteValoise.Portal.Household;

/// <summary>What this area adds to the portal: its services, page conventions and endpoints.</summary>
public static class HouseholdPagesRegistration
{
    public static IServiceCollection AddHouseholdPages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapHouseholdPages(this WebApplication app) => app;
}

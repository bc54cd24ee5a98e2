namespace CarteValoise.Portal.Demarches;

/// <summary>The citizen's démarches pages (/Demarches): the cloud's Demarches client.</summary>
public static class DemarchePagesRegistration
{
    public static IServiceCollection AddDemarchePages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDemarchePages(this WebApplication app) => app;
}

namespace CarteValoise.Portal.Demarches;

/// <summary>The agents' démarches pages (/Admin/Demarches, under the /Admin convention): the DemarcheDesk and DemarcheCatalogue clients.</summary>
public static class DeskPagesRegistration
{
    public static IServiceCollection AddDeskPages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDeskPages(this WebApplication app) => app;
}

using CarteValoise.Contracts.Demarches;
using CarteValoise.Web.Cloud;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The agents' démarches pages (/Admin/Demarches, under the /Admin convention): the cloud's
/// DemarcheDesk and DemarcheCatalogue clients, and the Demarches client the counter form reads its
/// form from and the request page downloads produced files with (registered once, whichever area
/// comes first), made as CloudClients makes the others.
/// </summary>
public static class DeskPagesRegistration
{
    public static IServiceCollection AddDeskPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudClient<DemarcheDesk.DemarcheDeskClient>(configuration, DemarcheDesk.Descriptor);
        services.AddCloudClient<DemarcheCatalogue.DemarcheCatalogueClient>(configuration, DemarcheCatalogue.Descriptor);
        services.AddCloudClient<DemarchesService.DemarchesClient>(configuration, DemarchesService.Descriptor);
        return services;
    }

    public static WebApplication MapDeskPages(this WebApplication app) => app;
}

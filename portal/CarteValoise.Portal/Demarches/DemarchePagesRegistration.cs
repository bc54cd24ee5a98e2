using CarteValoise.Contracts.Documents;
using CarteValoise.Web.Cloud;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The citizen's démarches pages (/Demarches): the cloud's Demarches client, and the Documents client
/// to join documents of the safe to a message (registered once, whichever area comes first), made as
/// CloudClients makes the others (the same channel, the signed-in user's token on every call).
/// </summary>
public static class DemarchePagesRegistration
{
    public static IServiceCollection AddDemarchePages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudClient<DemarchesService.DemarchesClient>(configuration, DemarchesService.Descriptor);
        services.AddCloudClient<Documents.DocumentsClient>(configuration, Documents.Descriptor);
        return services;
    }

    public static WebApplication MapDemarchePages(this WebApplication app) => app;
}

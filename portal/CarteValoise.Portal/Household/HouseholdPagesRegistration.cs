using CarteValoise.Contracts.Documents;
using CarteValoise.Contracts.Households;
using CarteValoise.Web.Cloud;

namespace CarteValoise.Portal.Household;

/// <summary>
/// What this area adds to the portal: the cloud's Households client (and the Documents client, to
/// pick a proof from the citizen's safe, unless the document safe's pages registered it already),
/// made as CloudClients makes the others: the same channel (one address or a list of silos, reads and
/// operation-id writes retried), and the signed-in user's token on every call. The pages are
/// /Dossier (the citizen) and /Admin/Demandes (the agents, under the /Admin convention).
/// </summary>
public static class HouseholdPagesRegistration
{
    public static IServiceCollection AddHouseholdPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudClient<Households.HouseholdsClient>(configuration, Households.Descriptor);
        // To pick a proof from the citizen's safe (registered once, whichever area comes first).
        services.AddCloudClient<Documents.DocumentsClient>(configuration, Documents.Descriptor);
        return services;
    }

    public static WebApplication MapHouseholdPages(this WebApplication app) => app;
}

using CarteValoise.Contracts.PersonalData;
using CarteValoise.Web.Cloud;

namespace CarteValoise.Portal.Privacy;

/// <summary>
/// What this area adds to the portal: the cloud's PersonalData client for «Mes données» (/MesDonnees),
/// made as CloudClients makes the others: the same channel (one address or a list of silos, reads and
/// operation-id writes retried), and the signed-in user's token on every call.
/// </summary>
public static class PrivacyPagesRegistration
{
    public static IServiceCollection AddPrivacyPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudClient<PersonalData.PersonalDataClient>(configuration, PersonalData.Descriptor);
        return services;
    }

    public static WebApplication MapPrivacyPages(this WebApplication app) => app;
}

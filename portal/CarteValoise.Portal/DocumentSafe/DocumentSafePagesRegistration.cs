using CarteValoise.Contracts.Documents;
using CarteValoise.Web.Cloud;

namespace CarteValoise.Portal.DocumentSafe;

/// <summary>
/// What this area adds to the portal: the cloud's Documents client, made as CloudClients makes the
/// others (the same channel, one address or a list of silos, reads retried; the signed-in user's
/// token on every call), and the upload limit (<c>DocumentSafe:MaxFileBytes</c>, the cloud's own
/// setting, 10 Mo by default). The pages are /Documents (the citizen's safe) and
/// /Admin/Pieces/{requestRef}/{documentId} (a copy submitted with a request, for its commune's agents).
/// </summary>
public static class DocumentSafePagesRegistration
{
    public static IServiceCollection AddDocumentSafePages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudClient<Documents.DocumentsClient>(configuration, Documents.Descriptor);
        services.AddSingleton(SafeUploadLimit.From(configuration));
        services.AddTransient<SafeTransfers>();
        return services;
    }

    public static WebApplication MapDocumentSafePages(this WebApplication app) => app;
}

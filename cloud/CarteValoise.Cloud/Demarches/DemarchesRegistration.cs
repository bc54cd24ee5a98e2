using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Privacy;

namespace CarteValoise.Cloud.Demarches;

/// <summary>What the démarches add to the silo: the citizens', the agents' and the catalogue's gRPC services and what they use, and the sweep of deadlines.</summary>
public static class DemarchesRegistration
{
    public static IServiceCollection AddDemarches(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        // An agent's message may carry a file as large as the document safe takes.
        services.AddGrpc().AddServiceOptions<DemarcheDeskService>(options =>
            options.MaxReceiveMessageSize = AgentAttachments.MaxReceiveMessageBytes(DocumentSafeSettings.From(configuration)));
        return services
            .AddSingleton<DemarcheDefinitions>()
            .AddSingleton<AgentAttachments>()
            .AddSingleton<CitizenForms>()
            .AddSingleton<RequestDetails>()
            .AddSingleton<RequestFiles>()
            .AddSingleton<RequestFiling>()
            .AddSingleton<DemarcheMails>()
            .AddSingleton<FrozenDocumentContents>()
            .AddSingleton<IPersonalDataSection, DemarchesPersonalData>()
            .AddSingleton(DeadlineSweepSettings.From(configuration))
            .AddHostedService<DemarcheDeadlines>();
    }

    public static IEndpointRouteBuilder MapDemarches(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<DemarchesService>();
        endpoints.MapGrpcService<DemarcheDeskService>();
        endpoints.MapGrpcService<DemarcheCatalogueService>();
        return endpoints;
    }
}

using CarteValoise.Cloud.Cluster;
using CarteValoise.Cloud.Privacy;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// What this area adds to the silo: the Documents gRPC service, the encrypted store of the
/// documents' contents (a LiteDB file of its own by default, PostgreSQL when <c>Storage:Kind</c> is
/// <c>Postgres</c>), the key, the limits, and the «documents» section of «Mes données».
/// Settings: <c>DocumentSafe:Key</c>, <c>DocumentSafe:MaxFileBytes</c>, <c>DocumentSafe:QuotaBytes</c>,
/// <c>DocumentSafe:LiteDb:Path</c>.
/// </summary>
public static class DocumentSafeRegistration
{
    public static IServiceCollection AddDocumentSafe(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton(DocumentSafeSettings.From(configuration));
        services.AddSingleton(DocumentKey.FromConfiguration(configuration, dataDirectory));
        if (PostgresSettings.IsSelected(configuration))
        {
            var postgres = PostgresSettings.From(configuration);
            services.AddSingleton<IDocumentContentStore>(provider => new PostgresDocumentContentStore(postgres.ConnectionString, provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var path = LiteDbPath(configuration, dataDirectory);
            services.AddSingleton<IDocumentContentStore>(_ => new LiteDbDocumentContentStore(path));
        }
        services.AddSingleton<DocumentFiles>();
        services.AddSingleton<IPersonalDataSection, DocumentsDataSection>();
        services.AddHostedService<DocumentStoreStartup>();
        services.AddGrpc().AddServiceOptions<DocumentsService>(options => options.MaxReceiveMessageSize = DocumentSafeSettings.MaxReceiveMessageBytes);
        return services;
    }

    /// <summary>The embedded store's file: <c>DocumentSafe:LiteDb:Path</c>, relative to the data directory, by default <c>carte-documents.db</c>.</summary>
    public static string LiteDbPath(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["DocumentSafe:LiteDb:Path"];
        return Path.Combine(dataDirectory, string.IsNullOrWhiteSpace(configured) ? LiteDbDocumentContentStore.DefaultFileName : configured);
    }

    public static IEndpointRouteBuilder MapDocumentSafe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<DocumentsService>();
        return endpoints;
    }
}

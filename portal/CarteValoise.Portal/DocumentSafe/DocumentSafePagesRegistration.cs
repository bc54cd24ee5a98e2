using CarteValoise.Contracts.Documents;
using CarteValoise.Web.Cloud;
using CarteValoise.Web.Sessions;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        var cloud = CloudChannel.Parse(configuration["Cloud:Address"]);
        services.AddHttpContextAccessor();
        if (cloud.Resolver() is { } resolver) services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory>(resolver));
        services.AddGrpcClient<Documents.DocumentsClient>(options => options.Address = cloud.Address)
            .ConfigureChannel(channel => cloud.Configure(channel, [Documents.Descriptor]))
            .AddCallCredentials((_, metadata, provider) =>
            {
                var token = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.SessionToken();
                if (!string.IsNullOrEmpty(token)) metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
        services.AddSingleton(SafeUploadLimit.From(configuration));
        services.AddTransient<SafeTransfers>();
        return services;
    }

    public static WebApplication MapDocumentSafePages(this WebApplication app) => app;
}

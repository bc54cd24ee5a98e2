using CarteValoise.Contracts.Documents;
using CarteValoise.Contracts.Households;
using CarteValoise.Web.Cloud;
using CarteValoise.Web.Sessions;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;

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
        var cloud = CloudChannel.Parse(configuration["Cloud:Address"]);
        services.AddHttpContextAccessor();
        if (cloud.Resolver() is { } resolver) services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory>(resolver));
        AddClient<Households.HouseholdsClient>(services, cloud, Households.Descriptor);
        // One registration of a client only: a second would add a second token to each call.
        if (!services.Any(d => d.ServiceType == typeof(Documents.DocumentsClient)))
            AddClient<Documents.DocumentsClient>(services, cloud, Documents.Descriptor);
        return services;
    }

    public static WebApplication MapHouseholdPages(this WebApplication app) => app;

    private static void AddClient<TClient>(IServiceCollection services, CloudChannel cloud, ProtoService service) where TClient : class =>
        services.AddGrpcClient<TClient>(options => options.Address = cloud.Address)
            .ConfigureChannel(channel => cloud.Configure(channel, [service]))
            .AddCallCredentials((_, metadata, provider) =>
            {
                var token = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.SessionToken();
                if (!string.IsNullOrEmpty(token)) metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
}

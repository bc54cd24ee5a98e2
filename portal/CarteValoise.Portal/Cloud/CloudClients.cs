using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Contracts.Families;
using CarteValoise.Contracts.Reservations;
using CanteenContracts = CarteValoise.Contracts.Canteen;
using CarteValoise.Web.Sessions;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProtoService = Google.Protobuf.Reflection.ServiceDescriptor;

namespace CarteValoise.Web.Cloud;

/// <summary>
/// The gRPC clients of the cloud at <c>Cloud:Address</c> — one address, or its silos' addresses
/// separated by commas (<see cref="CloudChannel"/>). Every call carries the signed-in user's
/// session token as "authorization: Bearer …": the cloud decides every access.
/// </summary>
public static class CloudClients
{
    /// <summary>The cloud's services the clients below call.</summary>
    public static readonly IReadOnlyList<ProtoService> Services =
    [
        Accounts.Descriptor,
        Families.Descriptor,
        Canteen.Descriptor,
        CanteenContracts.CanteenRules.Descriptor,
        CanteenContracts.CanteenReports.Descriptor,
        Reservations.Descriptor,
        Enrolment.Descriptor,
        Billing.Descriptor,
    ];

    public static IServiceCollection AddCloudClients(this IServiceCollection services, IConfiguration configuration)
    {
        var cloud = CloudChannel.Parse(configuration["Cloud:Address"]);

        services.AddHttpContextAccessor();
        // The client factory gives each channel the application's services: a list's channels find their resolver there.
        if (cloud.Resolver() is { } resolver) services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory>(resolver));
        Register<Accounts.AccountsClient>(services, cloud);
        Register<Families.FamiliesClient>(services, cloud);
        Register<Canteen.CanteenClient>(services, cloud);
        Register<CanteenContracts.CanteenRules.CanteenRulesClient>(services, cloud);
        Register<CanteenContracts.CanteenReports.CanteenReportsClient>(services, cloud);
        Register<Reservations.ReservationsClient>(services, cloud);
        Register<Enrolment.EnrolmentClient>(services, cloud);
        Register<Billing.BillingClient>(services, cloud);
        return services;
    }

    /// <summary>
    /// A client of another of the cloud's services (an area of the portal: documents, household,
    /// payments…), made as the ones above: the same channel over one address or a list of silos,
    /// safe calls retried, the signed-in user's token on every call. Once per client type: two
    /// registrations would put two tokens on each call.
    /// </summary>
    public static IServiceCollection AddCloudClient<TClient>(this IServiceCollection services, IConfiguration configuration, ProtoService service)
        where TClient : class
    {
        if (services.Any(d => d.ServiceType == typeof(TClient))) return services;
        var cloud = CloudChannel.Parse(configuration["Cloud:Address"]);
        services.AddHttpContextAccessor();
        if (cloud.Resolver() is { } resolver) services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory>(resolver));
        Register<TClient>(services, cloud, [service]);
        return services;
    }

    private static void Register<TClient>(IServiceCollection services, CloudChannel cloud, IReadOnlyList<ProtoService>? described = null) where TClient : class
    {
        described ??= Services;
        services.AddGrpcClient<TClient>(options => options.Address = cloud.Address)
            // Plain http is HTTP/2 with prior knowledge on loopback; call credentials are refused
            // there unless allowed explicitly (CloudChannel.Configure does).
            .ConfigureChannel(channel => cloud.Configure(channel, described))
            .AddCallCredentials((_, metadata, provider) =>
            {
                var token = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.SessionToken();
                if (!string.IsNullOrEmpty(token))
                {
                    metadata.Add("authorization", $"Bearer {token}");
                }
                return Task.CompletedTask;
            });
    }
}

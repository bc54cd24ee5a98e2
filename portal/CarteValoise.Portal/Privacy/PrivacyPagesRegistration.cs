using CarteValoise.Contracts.PersonalData;
using CarteValoise.Web.Cloud;
using CarteValoise.Web.Sessions;
using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        var cloud = CloudChannel.Parse(configuration["Cloud:Address"]);
        services.AddHttpContextAccessor();
        if (cloud.Resolver() is { } resolver) services.TryAddEnumerable(ServiceDescriptor.Singleton<ResolverFactory>(resolver));
        services.AddGrpcClient<PersonalData.PersonalDataClient>(options => options.Address = cloud.Address)
            .ConfigureChannel(channel => cloud.Configure(channel, [PersonalData.Descriptor]))
            .AddCallCredentials((_, metadata, provider) =>
            {
                var token = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User.SessionToken();
                if (!string.IsNullOrEmpty(token)) metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
        return services;
    }

    public static WebApplication MapPrivacyPages(this WebApplication app) => app;
}

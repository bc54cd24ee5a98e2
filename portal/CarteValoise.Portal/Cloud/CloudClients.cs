using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Contracts.Families;
using CarteValoise.Contracts.Reservations;
using CanteenContracts = CarteValoise.Contracts.Canteen;
using CarteValoise.Web.Sessions;

namespace CarteValoise.Web.Cloud;

/// <summary>
/// The gRPC clients of the cloud at <c>Cloud:Address</c>. Every call carries the signed-in
/// user's session token as "authorization: Bearer …": the cloud decides every access.
/// </summary>
public static class CloudClients
{
    public static IServiceCollection AddCloudClients(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration["Cloud:Address"];
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"Cloud:Address must be the cloud's http(s) address, e.g. http://127.0.0.1:5100 (got '{configured}').");
        }

        services.AddHttpContextAccessor();
        Register<Accounts.AccountsClient>(services, address);
        Register<Families.FamiliesClient>(services, address);
        Register<Canteen.CanteenClient>(services, address);
        Register<CanteenContracts.CanteenRules.CanteenRulesClient>(services, address);
        Register<CanteenContracts.CanteenReports.CanteenReportsClient>(services, address);
        Register<Reservations.ReservationsClient>(services, address);
        Register<Enrolment.EnrolmentClient>(services, address);
        Register<Billing.BillingClient>(services, address);
        return services;
    }

    private static void Register<TClient>(IServiceCollection services, Uri address) where TClient : class
    {
        services.AddGrpcClient<TClient>(options => options.Address = address)
            // Plain http is HTTP/2 with prior knowledge on loopback; call credentials are refused
            // there unless allowed explicitly.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = address.Scheme == Uri.UriSchemeHttp)
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

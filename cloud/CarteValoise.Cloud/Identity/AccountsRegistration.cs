using Grpc.AspNetCore.Server;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// What this area adds to the silo: the account mails, TOTP, and the session check that every
/// gRPC call carrying a token goes through (after the cluster-failure interceptor, so that a grain
/// lost with its silo is UNAVAILABLE, as for any call).
/// </summary>
public static class AccountsRegistration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton<AccountMails>();
        services.AddSingleton<TotpSecretVault>();
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<SessionCheckInterceptor>();
        services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<SessionCheckInterceptor>());
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints) => endpoints;
}

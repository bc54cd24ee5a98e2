namespace CarteValoise.Portal.MyAccount;

/// <summary>What this area adds to the portal: its services, page conventions and endpoints.</summary>
public static class AccountPagesRegistration
{
    public static IServiceCollection AddAccountPages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapAccountPages(this WebApplication app) => app;
}

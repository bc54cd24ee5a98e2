namespace CarteValoise.Portal.Privacy;

/// <summary>What this area adds to the portal: its services, page conventions and endpoints.</summary>
public static class PrivacyPagesRegistration
{
    public static IServiceCollection AddPrivacyPages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapPrivacyPages(this WebApplication app) => app;
}

namespace CarteValoise.Portal.DocumentSafe;

/// <summary>What this area adds to the portal: its services, page conventions and endpoints.</summary>
public static class DocumentSafePagesRegistration
{
    public static IServiceCollection AddDocumentSafePages(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication MapDocumentSafePages(this WebApplication app) => app;
}

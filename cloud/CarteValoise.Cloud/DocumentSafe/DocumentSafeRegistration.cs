namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class DocumentSafeRegistration
{
    public static IServiceCollection AddDocumentSafe(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services;

    public static IEndpointRouteBuilder MapDocumentSafe(this IEndpointRouteBuilder endpoints) => endpoints;
}

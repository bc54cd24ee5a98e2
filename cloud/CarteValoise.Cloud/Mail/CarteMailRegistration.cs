namespace CarteValoise.Cloud.Mail;

/// <summary>What this area adds to the silo: its services, and the gRPC services and endpoints it maps.</summary>
public static class CarteMailRegistration
{
    public static IServiceCollection AddCarteMail(this IServiceCollection services, IConfiguration configuration, string dataDirectory) => services;

    public static IEndpointRouteBuilder MapCarteMail(this IEndpointRouteBuilder endpoints) => endpoints;
}

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// What this area adds to the silo: «Mes données» (the PersonalData gRPC service, the collector and
/// the archive), and its own sections: the account, the family with its children, balance and
/// invoices, the access logs, and the closure request. Other areas register theirs in their own registration.
/// </summary>
public static class PersonalDataRegistration
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton<PersonalDataCollector>();
        services.AddSingleton<AccessLogReader>();
        // The account's own section belongs to the accounts' area; written here, reading its grain only, until that area has one.
        services.AddSingleton<IPersonalDataSection, AccountDataSection>();
        services.AddSingleton<IPersonalDataSection, FamilyDataSection>();
        services.AddSingleton<IPersonalDataSection, AccessLogSection>();
        services.AddSingleton<IPersonalDataSection, AccountClosureSection>();
        return services;
    }

    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PersonalDataService>();
        return endpoints;
    }
}

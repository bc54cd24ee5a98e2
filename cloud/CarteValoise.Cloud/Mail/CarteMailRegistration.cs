namespace CarteValoise.Cloud.Mail;

/// <summary>What this area adds to the silo: the mail sender, over SMTP when a server is configured, into the outbox folder otherwise.</summary>
public static class CarteMailRegistration
{
    public static IServiceCollection AddCarteMail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var settings = MailSettings.Read(configuration);
        services.AddSingleton(settings);
        if (settings.SmtpHost is not null)
            services.AddSingleton<IMailSender, SmtpMailSender>();
        else
            services.AddSingleton<IMailSender>(provider => new OutboxMailSender(Path.Combine(dataDirectory, "mail-outbox"), settings,
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<OutboxMailSender>>()));
        return services;
    }

    public static IEndpointRouteBuilder MapCarteMail(this IEndpointRouteBuilder endpoints) => endpoints;
}

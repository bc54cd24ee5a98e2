using MimeKit;

namespace CarteValoise.Cloud.Mail;

/// <summary>
/// Where mail goes, from configuration: <c>Mail:Smtp:Host</c> (none: the outbox folder),
/// <c>Mail:Smtp:Port</c> (25), <c>Mail:Smtp:User</c> and <c>Mail:Smtp:Password</c> (optional),
/// <c>Mail:From</c> («CarteValoise &lt;ne-pas-repondre@cartevaloise.fr&gt;»).
/// </summary>
public sealed record MailSettings(string? SmtpHost, int SmtpPort, string? User, string? Password, MailboxAddress From)
{
    public const string DefaultFrom = "CarteValoise <ne-pas-repondre@cartevaloise.fr>";

    public static MailSettings Read(IConfiguration configuration)
    {
        var host = configuration["Mail:Smtp:Host"];
        var fromText = configuration["Mail:From"];
        if (!MailboxAddress.TryParse(string.IsNullOrWhiteSpace(fromText) ? DefaultFrom : fromText, out var from))
            throw new InvalidOperationException($"Mail:From « {fromText} » n'est pas une adresse d'expéditeur (exemple : {DefaultFrom}).");
        var user = configuration["Mail:Smtp:User"];
        return new MailSettings(
            string.IsNullOrWhiteSpace(host) ? null : host.Trim(),
            configuration.GetValue("Mail:Smtp:Port", 25),
            string.IsNullOrWhiteSpace(user) ? null : user,
            configuration["Mail:Smtp:Password"],
            from);
    }
}

using MailKit.Net.Smtp;
using MailKit.Security;

namespace CarteValoise.Cloud.Mail;

/// <summary>
/// Sends through the configured SMTP server with MailKit: STARTTLS when the server offers it (TLS at once on port 465),
/// authentication when a user is configured. One connection per mail: the platform sends a few
/// mails a minute, and a fresh connection never finds a server that dropped it.
/// </summary>
public sealed class SmtpMailSender(MailSettings settings, TimeProvider time, ILogger<SmtpMailSender> logger) : IMailSender
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var host = settings.SmtpHost ?? throw new InvalidOperationException("Mail:Smtp:Host n'est pas configuré.");
        var message = MailMessages.Compose(mail, settings.From, time.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)Patience.TotalMilliseconds };
        // Port 465 speaks TLS from the first byte (RFC 8314); any other upgrades with STARTTLS when offered.
        var security = settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(host, settings.SmtpPort, security, cancellationToken);
        if (settings.User is not null) await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Courriel « {Subject} » remis au serveur {Host}:{Port}", mail.Subject, settings.SmtpHost, settings.SmtpPort);
    }
}

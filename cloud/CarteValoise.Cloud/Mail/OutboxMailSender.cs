namespace CarteValoise.Cloud.Mail;

/// <summary>
/// Without a mail server (the embedded demo), each mail is written to <c>&lt;data&gt;/mail-outbox</c>
/// as an .eml file that any mail client opens, and its path is logged, so that a person trying the
/// platform can follow a verification or reset link.
/// </summary>
public sealed class OutboxMailSender(string outbox, MailSettings settings, TimeProvider time, ILogger<OutboxMailSender> logger) : IMailSender
{
    public string Outbox => outbox;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var message = MailMessages.Compose(mail, settings.From, now);
        Directory.CreateDirectory(outbox);
        var path = Path.Combine(outbox, $"{now:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
        // Written aside then moved: whoever watches the folder never opens half a mail.
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
            await message.WriteToAsync(file, cancellationToken);
        File.Move(partial, path);
        logger.LogInformation("Courriel « {Subject} » pour {To} écrit dans {Path} (pas de serveur SMTP configuré : Mail:Smtp:Host)", mail.Subject, mail.To, path);
    }
}

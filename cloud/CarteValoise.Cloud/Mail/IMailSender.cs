namespace CarteValoise.Cloud.Mail;

/// <summary>A mail the platform sends to a citizen or an agent, in French, plain text first.</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, IReadOnlyList<MailAttachment>? Attachments = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Sends mail: over SMTP (MailKit) when <c>Mail:Smtp:Host</c> is set, otherwise into the data
/// directory's <c>mail-outbox</c> folder as .eml files (the embedded demo, which has no mail server).
/// Returns once the SMTP server accepted the message (or the file is on disk).
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

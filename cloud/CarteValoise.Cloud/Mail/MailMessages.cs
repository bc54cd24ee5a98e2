using System.Text;
using MimeKit;
using MimeKit.Text;

namespace CarteValoise.Cloud.Mail;

/// <summary>A platform mail as MIME: UTF-8 plain text (quoted-printable, so French reads right in any client), then its attachments.</summary>
public static class MailMessages
{
    public static MimeMessage Compose(OutgoingMail mail, MailboxAddress from, DateTimeOffset date)
    {
        var message = new MimeMessage { Subject = mail.Subject, Date = date };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(Encoding.UTF8, mail.TextBody);
        if (mail.Attachments is not { Count: > 0 } attachments)
        {
            message.Body = text;
            return message;
        }
        var mixed = new Multipart("mixed") { text };
        foreach (var attachment in attachments)
        {
            mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
            {
                Content = new MimeContent(new MemoryStream(attachment.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.FileName,
            });
        }
        message.Body = mixed;
        return message;
    }
}

using System.Text;
using CarteValoise.Cloud.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Xunit;

namespace CarteValoise.Cloud.Tests.Mail;

public sealed class MailSenderTests
{
    private const string FrenchBody = "Bonjour Hélène,\n\nVotre réservation du jeudi 3 décembre est confirmée : « cantine » à 12:00.\n\nÀ bientôt,\nL'équipe CarteValoise";
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_SMTP_sender_delivers_the_subject_the_recipient_and_the_French_text_in_UTF8()
    {
        await using var sink = new SmtpSink();
        var sender = new SmtpMailSender(Settings(sink.Port), Time, NullLogger<SmtpMailSender>.Instance);

        await sender.SendAsync(new OutgoingMail("helene.durand@exemple.fr", "Réservation confirmée — cantine de décembre", FrenchBody));

        var (message, raw, user) = await sink.FirstAsync();
        Assert.Equal("Réservation confirmée — cantine de décembre", message.Subject);
        Assert.Equal(["helene.durand@exemple.fr"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("\"CarteValoise\" <ne-pas-repondre@cartevaloise.fr>", message.From.ToString());
        Assert.Equal(FrenchBody, Text(message).Replace("\r\n", "\n").TrimEnd('\n'));
        Assert.Equal("utf-8", Assert.IsType<TextPart>(message.Body).ContentType.Charset);
        Assert.Equal(Time.GetUtcNow(), message.Date);
        Assert.Null(user);
        // Sent as 7-bit text: any relay carries it unchanged.
        Assert.All(raw, b => Assert.True(b < 0x80));
    }

    [Fact]
    public async Task The_SMTP_sender_signs_in_when_a_user_is_configured_and_carries_attachments()
    {
        await using var sink = new SmtpSink(user: "cartevaloise", password: "secret-de-test");
        var settings = Settings(sink.Port, new Dictionary<string, string?>
        {
            ["Mail:Smtp:User"] = "cartevaloise",
            ["Mail:Smtp:Password"] = "secret-de-test",
            ["Mail:From"] = "Mairie de Cergy <mairie@cergy.example>",
        });
        var sender = new SmtpMailSender(settings, Time, NullLogger<SmtpMailSender>.Instance);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 facture");

        await sender.SendAsync(new OutgoingMail("parent@exemple.fr", "Votre facture", "Ci-joint votre facture.",
            [new MailAttachment("facture-95127-2026-11.pdf", "application/pdf", pdf)]));

        var (message, _, user) = await sink.FirstAsync();
        Assert.Equal("cartevaloise", user);
        Assert.Equal("\"Mairie de Cergy\" <mairie@cergy.example>", message.From.ToString());
        Assert.Equal("Ci-joint votre facture.", Text(message).TrimEnd('\r', '\n'));
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("facture-95127-2026-11.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await Assert.IsType<MimeContent>(attachment.Content).DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task A_refused_sign_in_fails_the_send()
    {
        await using var sink = new SmtpSink(user: "cartevaloise", password: "le-bon");
        var settings = Settings(sink.Port, new Dictionary<string, string?> { ["Mail:Smtp:User"] = "cartevaloise", ["Mail:Smtp:Password"] = "un-autre" });
        var sender = new SmtpMailSender(settings, Time, NullLogger<SmtpMailSender>.Instance);

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() =>
            sender.SendAsync(new OutgoingMail("parent@exemple.fr", "Objet", "Texte")));
    }

    [Fact]
    public async Task Without_a_server_the_mail_is_an_eml_file_in_the_outbox()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "cartevaloise-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sender = new OutboxMailSender(outbox, MailSettings.Read(new ConfigurationBuilder().Build()), Time, NullLogger<OutboxMailSender>.Instance);

            await sender.SendAsync(new OutgoingMail("helene.durand@exemple.fr", "Réservation confirmée", FrenchBody));

            var file = Assert.Single(Directory.GetFiles(outbox));
            Assert.EndsWith(".eml", file);
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("Réservation confirmée", message.Subject);
            Assert.Equal(["helene.durand@exemple.fr"], message.To.Mailboxes.Select(m => m.Address));
            Assert.Equal(FrenchBody, Text(message).Replace("\r\n", "\n").TrimEnd('\n'));
        }
        finally
        {
            if (Directory.Exists(outbox)) Directory.Delete(outbox, recursive: true);
        }
    }

    [Fact]
    public void The_settings_default_to_port_25_and_the_platform_sender()
    {
        var settings = MailSettings.Read(new ConfigurationBuilder().AddInMemoryCollection([new("Mail:Smtp:Host", "smtp.exemple.fr")]).Build());

        Assert.Equal(new MailSettings("smtp.exemple.fr", 25, null, null, settings.From), settings);
        Assert.Equal("\"CarteValoise\" <ne-pas-repondre@cartevaloise.fr>", settings.From.ToString());
    }

    private static string Text(MimeMessage message) => message.TextBody ?? throw new Xunit.Sdk.XunitException($"The mail «{message.Subject}» has no text.");

    private static MailSettings Settings(int port, Dictionary<string, string?>? more = null)
    {
        var values = new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in more ?? []) values[key] = value;
        return MailSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}

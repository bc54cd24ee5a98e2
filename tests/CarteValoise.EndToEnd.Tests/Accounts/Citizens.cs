using CarteValoise.Contracts.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using MimeKit;

namespace CarteValoise.EndToEnd.Tests.Accounts;

/// <summary>
/// Citizens of a test's own on the shared cloud: a fresh address each, registered over gRPC, the
/// verification link followed from the mail that reached the platform's SMTP sink.
/// </summary>
internal sealed class Citizens(PlatformFixture platform, CloudApi cloud)
{
    public const string Password = "Velo-Rouge-2026";
    public const string VerificationSubject = "Confirmez votre adresse électronique";

    public static string NewEmail() => $"{Guid.NewGuid():N}@exemple.fr";

    public string VerificationPrefix => new Uri(platform.PortalAddress, "Inscription/Confirmation?jeton=").ToString();

    public string ResetPrefix => new Uri(platform.PortalAddress, "MotDePasse/Nouveau?jeton=").ToString();

    public Task<RegisterReply> RegisterAsync(string email, string password = Password) =>
        cloud.Accounts.RegisterAsync(new RegisterRequest { Email = email, Password = password, GivenName = "Hélène", FamilyName = "Durand" },
            deadline: CloudApi.Deadline).ResponseAsync;

    public Task<MimeMessage> MailAsync(string email, string subject, int skip = 0) =>
        platform.Mail.WaitForAsync(email, m => m.Subject == subject, skip);

    /// <summary>The token of the first link of the mail that starts with the prefix (the «jeton» parameter).</summary>
    public static string TokenIn(MimeMessage mail, string prefix)
    {
        var link = Mail.MailSink.LinkIn(mail, prefix);
        var jeton = link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("jeton=", StringComparison.Ordinal));
        return Uri.UnescapeDataString(jeton["jeton=".Length..]);
    }

    /// <summary>A new account, its address verified through the mail's link.</summary>
    public async Task<string> VerifiedAsync()
    {
        var email = NewEmail();
        await RegisterAsync(email);
        var token = TokenIn(await MailAsync(email, VerificationSubject), VerificationPrefix);
        await cloud.Accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = token }, deadline: CloudApi.Deadline);
        return email;
    }

    public Task<Session> SignInAsync(string email, string password = Password, string userAgent = "Firefox de test") =>
        cloud.Accounts.SignInAsync(new SignInRequest
        {
            Email = email,
            Password = password,
            Client = new SessionClient { UserAgent = userAgent, Address = "192.0.2.44" },
        }, deadline: CloudApi.Deadline).ResponseAsync;

    public static Metadata Bearer(Session session) => new() { { "authorization", $"Bearer {session.Token}" } };

    public static async Task<RpcException> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}

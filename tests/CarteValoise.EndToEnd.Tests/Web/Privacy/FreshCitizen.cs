using CarteValoise.Contracts.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Mail;
using CarteValoise.EndToEnd.Tests.Platform;

namespace CarteValoise.EndToEnd.Tests.Web.Privacy;

/// <summary>A citizen account of a test's own: registered, its address confirmed through the link of its mail, no household yet.</summary>
public sealed record FreshCitizen(string Email, string Password)
{
    public static async Task<FreshCitizen> RegisterAsync(PlatformFixture platform)
    {
        var citizen = new FreshCitizen($"{Guid.NewGuid():N}@exemple.fr", "Mes-Donnees-2026!");
        using var cloud = new CloudApi(await platform.CloudAsync());
        await cloud.Accounts.RegisterAsync(new RegisterRequest
        {
            Email = citizen.Email,
            Password = citizen.Password,
            GivenName = "Camille",
            FamilyName = "Essai",
        }, deadline: CloudApi.Deadline);
        var mail = await platform.Mail.WaitForAsync(citizen.Email);
        var link = MailSink.LinkIn(mail, platform.PortalAddress.ToString().TrimEnd('/') + "/Inscription/Confirmation");
        var token = Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("jeton=", StringComparison.Ordinal))["jeton=".Length..]);
        await cloud.Accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = token }, deadline: CloudApi.Deadline);
        return citizen;
    }
}

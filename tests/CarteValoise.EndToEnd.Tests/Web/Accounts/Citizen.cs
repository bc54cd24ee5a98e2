using CarteValoise.Contracts.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Mail;
using CarteValoise.EndToEnd.Tests.Platform;
using Microsoft.AspNetCore.WebUtilities;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>A person of the tests' own: an address nobody else uses, so that no test depends on another.</summary>
public sealed record Citizen(string GivenName, string FamilyName, string Email, string Password)
{
    /// <summary>A password the cloud's policy accepts: long, and of more than one kind of character.</summary>
    public const string GoodPassword = "Une phrase de passe pour 2026";

    public string DisplayName => $"{GivenName} {FamilyName}";

    public static Citizen New() => new("Camille", "Martin", $"{Guid.NewGuid():N}@exemple.fr", GoodPassword);

    /// <summary>Registered through the cloud and confirmed with the link of the mail it sent: ready to sign in.</summary>
    public static async Task<Citizen> ConfirmedAsync(PlatformFixture platform)
    {
        var citizen = New();
        using var cloud = new CloudApi(await platform.CloudAsync());
        await cloud.Accounts.RegisterAsync(new RegisterRequest
        {
            GivenName = citizen.GivenName,
            FamilyName = citizen.FamilyName,
            Email = citizen.Email,
            Password = citizen.Password,
        }, deadline: CloudApi.Deadline);
        var link = await citizen.LinkMailedAsync(platform, "/Inscription/Confirmation");
        await cloud.Accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = TokenOf(link) }, deadline: CloudApi.Deadline);
        return citizen;
    }

    /// <summary>The link to that portal page in the latest mail this person received (waited for, never slept for).</summary>
    public async Task<Uri> LinkMailedAsync(PlatformFixture platform, string page, int mailsBefore = 0)
    {
        var mail = await platform.Mail.WaitForAsync(Email, m => (m.TextBody ?? "").Contains(page, StringComparison.Ordinal), skip: mailsBefore);
        return MailSink.LinkIn(mail, platform.PortalAddress.ToString().TrimEnd('/') + page);
    }

    /// <summary>The one-time token of a mailed link (its «jeton»).</summary>
    public static string TokenOf(Uri link) => QueryHelpers.ParseQuery(link.Query)["jeton"].ToString();
}

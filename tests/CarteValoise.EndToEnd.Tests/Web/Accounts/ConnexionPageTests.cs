using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// The sign-in page says why the cloud refuses: an address not confirmed yet (a new link is on its
/// way), and too many wrong passwords (until when, even for the right one); and it leads to
/// «Créer un compte» and «Mot de passe oublié ?».
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConnexionPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string WrongCredentials = "Adresse électronique ou mot de passe incorrect.";

    [Fact]
    public Task An_address_not_confirmed_yet_is_told_so_at_sign_in() => platform.RunAsync(output, async () =>
    {
        var citizen = Citizen.New();
        using (var cloud = new CloudApi(await platform.CloudAsync()))
            await cloud.Accounts.RegisterAsync(new RegisterRequest
            {
                GivenName = citizen.GivenName, FamilyName = citizen.FamilyName, Email = citizen.Email, Password = citizen.Password,
            }, deadline: CloudApi.Deadline);
        using var browser = new WebSession(await platform.PortalAsync());

        var connexion = await browser.GetAsync("/Connexion");
        Assert.Contains(Markup.Tags(connexion.Html, "a"), a => a["href"] == "/Inscription");
        Assert.Contains(Markup.Tags(connexion.Html, "a"), a => a["href"] == "/MotDePasse/Oubli");
        var refused = await browser.SignInAsync(citizen.Email, citizen.Password);

        Assert.Equal("/Connexion", refused.Address.AbsolutePath);
        Assert.Equal(["Adresse non confirmée : un nouveau courriel de confirmation vient d'être envoyé."], AccountPage.SummaryErrors(refused));
        Assert.Equal("/Connexion", (await browser.GetAsync("/Compte")).Address.AbsolutePath);
    });

    [Fact]
    public Task Too_many_wrong_passwords_lock_the_account_for_a_while_said_in_French() => platform.RunAsync(output, async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        using var browser = new WebSession(await platform.PortalAsync());
        for (var attempt = 1; attempt < SignInThrottle.MaxFailures; attempt++)
            Assert.Equal([WrongCredentials], AccountPage.SummaryErrors(await browser.SignInAsync(citizen.Email, $"Mauvais mot de passe n°{attempt}")));

        var before = DateTimeOffset.UtcNow;
        var locked = await browser.SignInAsync(citizen.Email, "Mauvais mot de passe, encore");
        var after = DateTimeOffset.UtcNow;

        // The lockout starts at the failure that causes it, somewhere between before and after.
        string[] expected = [
            SignInThrottle.Refusal(before + SignInThrottle.FirstLockout, before),
            SignInThrottle.Refusal(after + SignInThrottle.FirstLockout, after)];
        var shown = Assert.Single(AccountPage.SummaryErrors(locked));
        Assert.Contains(shown, expected);
        Assert.Equal([shown], AccountPage.SummaryErrors(await browser.SignInAsync(citizen.Email, citizen.Password)));
        Assert.Equal("/Connexion", (await browser.GetAsync("/Compte")).Address.AbsolutePath);
    });
}

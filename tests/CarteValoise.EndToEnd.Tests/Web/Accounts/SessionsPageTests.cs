using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// «Sessions actives», «Se déconnecter» and «Se déconnecter partout»: each browser signed in is
/// listed, this one marked; signing out ends the session in the cloud, not only the cookie; ending
/// them all from one browser sends the other back to the sign-in page at its next page, because the
/// cloud refuses its token from then on.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionsPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Signing_out_everywhere_sends_the_other_browser_to_sign_in_at_its_next_page() => platform.RunAsync(output, async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        var portal = await platform.PortalAsync();
        using var phone = new WebSession(portal);
        using var laptop = new WebSession(portal);
        await phone.SignInAsync(citizen.Email, citizen.Password);
        await laptop.SignInAsync(citizen.Email, citizen.Password);
        Assert.Equal("/Compte", (await phone.GetAsync("/Compte")).Address.AbsolutePath);

        var account = await laptop.GetAsync("/Compte");
        var rows = SessionRows(account);
        Assert.Equal(2, rows.Count);
        Assert.Equal(new[] { "false", "true" }, rows.Select(row => row["data-current"]).Order());
        var current = rows.Single(row => row["data-current"] == "true");
        Assert.Contains("cette session", Markup.Text(account.Html[current.End..Markup.EndOf(account.Html, current)]));
        Assert.Contains("127.0.0.1", Markup.Text(account.Html[current.End..Markup.EndOf(account.Html, current)]));
        Assert.Contains("mot de passe", Markup.Text(account.Html[current.End..Markup.EndOf(account.Html, current)]));

        var ended = await laptop.SubmitFormAsync("/Compte/DeconnexionPartout", new Dictionary<string, string>());
        Assert.Equal("/Connexion", ended.Address.AbsolutePath);
        Assert.Equal("Vos 2 sessions sont fermées, sur tous vos appareils. Reconnectez-vous pour continuer.", AccountPage.TextOf(ended, "div", "avis"));

        var next = await phone.GetAsync("/Compte");
        Assert.Equal("/Connexion", next.Address.AbsolutePath);
        Assert.Equal("Connexion", AccountPage.Heading(next));
        // Signed out for good in that browser too, not just bounced once.
        Assert.Equal("/Connexion", (await phone.GetAsync("/Compte/DoubleAuthentification")).Address.AbsolutePath);
        Assert.Equal("/Connexion", (await laptop.GetAsync("/Compte")).Address.AbsolutePath);
    });

    [Fact]
    public Task Signing_out_ends_the_session_in_the_cloud_not_only_in_the_browser() => platform.RunAsync(output, async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        var portal = await platform.PortalAsync();
        using var phone = new WebSession(portal);
        using var laptop = new WebSession(portal);
        await phone.SignInAsync(citizen.Email, citizen.Password);
        await laptop.SignInAsync(citizen.Email, citizen.Password);
        Assert.Equal(2, SessionRows(await phone.GetAsync("/Compte")).Count);

        var signedOut = await laptop.SubmitFormAsync("/Deconnexion", new Dictionary<string, string>());

        Assert.Equal("/Connexion", signedOut.Address.AbsolutePath);
        Assert.Equal("Votre session est terminée.", AccountPage.TextOf(signedOut, "div", "avis"));
        var left = SessionRows(await phone.GetAsync("/Compte"));
        Assert.Equal("true", Assert.Single(left)["data-current"]);
        Assert.Equal("/Connexion", (await laptop.GetAsync("/Compte")).Address.AbsolutePath);
    });

    private static List<Tag> SessionRows(WebPage page) => Markup.Tags(page.Html, "tr").Where(row => row["data-session-id"] is not null).ToList();
}

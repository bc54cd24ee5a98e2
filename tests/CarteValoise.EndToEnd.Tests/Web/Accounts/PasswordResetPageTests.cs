using System.Net;
using CarteValoise.Domain.Accounts;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// «Mot de passe oublié ?» over plain HTTP: the mailed link sets a new password once (the old one
/// stops working, every open session ends), and the same link used again is refused in French with
/// nothing changed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PasswordResetPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string NewPassword = "Un tout nouveau mot de passe 2027";
    private const string OtherPassword = "Encore un autre mot de passe 2028";

    [Fact]
    public Task A_reset_link_sets_a_new_password_once_and_is_refused_in_French_when_used_again() => platform.RunAsync(output, async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        var portal = await platform.PortalAsync();
        using var elsewhere = new WebSession(portal);
        await elsewhere.SignInAsync(citizen.Email, citizen.Password);
        Assert.Equal("/Compte", (await elsewhere.GetAsync("/Compte")).Address.AbsolutePath);
        using var browser = new WebSession(portal);

        var asked = await browser.SubmitFormAsync("/MotDePasse/Oubli", new Dictionary<string, string> { ["Email"] = citizen.Email });
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.StartsWith($"Si un compte existe pour {citizen.Email}, un courriel vient d'y être envoyé", AccountPage.TextOf(asked, "div", "courriel-envoye"));
        var link = await citizen.LinkMailedAsync(platform, "/MotDePasse/Nouveau");

        var mismatched = await browser.SubmitFormAsync(link.PathAndQuery, Passwords(NewPassword, OtherPassword));
        Assert.Equal("Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe dans les deux champs.",
            AccountPage.FieldError(mismatched, "NewPasswordConfirmation"));

        var changed = await browser.SubmitFormAsync(link.PathAndQuery, Passwords(NewPassword, NewPassword));
        Assert.Equal("/Connexion", changed.Address.AbsolutePath);
        Assert.Equal("Votre mot de passe est changé : connectez-vous avec le nouveau. Vos autres sessions sont fermées.", AccountPage.TextOf(changed, "div", "avis"));

        var reused = await browser.SubmitFormAsync(link.PathAndQuery, Passwords(OtherPassword, OtherPassword));
        Assert.Equal("/MotDePasse/Nouveau", reused.Address.AbsolutePath);
        Assert.Equal(AccountTokens.ResetLinkRefused, AccountPage.TextOf(reused, "div", "refus"));

        // The session opened before the reset is over; only the first new password opens one.
        Assert.Equal("/Connexion", (await elsewhere.GetAsync("/Compte")).Address.AbsolutePath);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", (await browser.SignInAsync(citizen.Email, citizen.Password)).Text);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", (await browser.SignInAsync(citizen.Email, OtherPassword)).Text);
        Assert.NotEqual("/Connexion", (await browser.SignInAsync(citizen.Email, NewPassword)).Address.AbsolutePath);
    });

    private static Dictionary<string, string> Passwords(string password, string confirmation) => new()
    {
        ["NewPassword"] = password,
        ["NewPasswordConfirmation"] = confirmation,
    };
}

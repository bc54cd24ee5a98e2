using System.Net;
using CarteValoise.Domain.Accounts;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// «Créer un compte» over plain HTTP, as a browser without JavaScript: a password the cloud's
/// policy refuses, and a confirmation that differs, are said in French next to their field and
/// in the summary, and create nothing; a good form says «Vérifiez votre messagerie», the mailed
/// link confirms the address once, and the account then signs in.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistrationPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_password_the_policy_refuses_is_explained_next_to_it_and_creates_nothing() => platform.RunAsync(output, async () =>
    {
        var citizen = Citizen.New();
        using var browser = new WebSession(await platform.PortalAsync());

        var page = await browser.SubmitFormAsync("/Inscription", Form(citizen, "soleil", "soleil"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Créer un compte", AccountPage.Heading(page));
        var reasons = PasswordPolicy.Problems("soleil", citizen.Email);
        Assert.Equal(2, reasons.Count);
        Assert.Equal(string.Join(" ", reasons), AccountPage.FieldError(page, "Password"));
        Assert.Equal(reasons, AccountPage.SummaryErrors(page));
        Assert.Equal("Camille", AccountPage.ById(page, "input", "GivenName")?["value"]);
        Assert.Null(AccountPage.ById(page, "input", "Password")?["value"]);
        Assert.Equal("true", AccountPage.ById(page, "input", "Password")?["aria-invalid"]);

        await AssertNothingWasCreatedAsync(browser, citizen);
    });

    [Fact]
    public Task A_confirmation_that_differs_is_said_next_to_it_and_creates_nothing() => platform.RunAsync(output, async () =>
    {
        var citizen = Citizen.New();
        using var browser = new WebSession(await platform.PortalAsync());

        var page = await browser.SubmitFormAsync("/Inscription", Form(citizen, citizen.Password, citizen.Password + "!"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        const string mismatch = "Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe dans les deux champs.";
        Assert.Equal(mismatch, AccountPage.FieldError(page, "PasswordConfirmation"));
        Assert.Equal([mismatch], AccountPage.SummaryErrors(page));

        await AssertNothingWasCreatedAsync(browser, citizen);
    });

    [Fact]
    public Task A_registration_is_confirmed_once_by_the_mailed_link_then_signs_in() => platform.RunAsync(output, async () =>
    {
        var citizen = Citizen.New();
        using var browser = new WebSession(await platform.PortalAsync());

        var sent = await browser.SubmitFormAsync("/Inscription", Form(citizen, citizen.Password, citizen.Password));

        Assert.Equal("Vérifiez votre messagerie", AccountPage.Heading(sent));
        Assert.Equal($"Un courriel de confirmation a été envoyé à {citizen.Email}. Ouvrez le lien qu'il contient dans les 24 heures pour activer votre compte.",
            AccountPage.TextOf(sent, "div", "courriel-envoye"));
        var link = await citizen.LinkMailedAsync(platform, "/Inscription/Confirmation");

        var confirmed = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal("Adresse électronique confirmée", AccountPage.Heading(confirmed));
        Assert.Equal($"Votre adresse {citizen.Email} est confirmée : votre compte est prêt.", AccountPage.TextOf(confirmed, "div", "confirmee"));

        var again = await browser.GetAsync(link.PathAndQuery);
        Assert.Equal("Lien de confirmation refusé", AccountPage.Heading(again));
        Assert.Equal(AccountTokens.VerificationLinkRefused, AccountPage.TextOf(again, "div", "refus"));

        var signedIn = await browser.SignInAsync(citizen.Email, citizen.Password);
        Assert.NotEqual("/Connexion", signedIn.Address.AbsolutePath);
        var account = await browser.GetAsync("/Compte");
        Assert.Equal("/Compte", account.Address.AbsolutePath);
        Assert.Equal($"{citizen.Email} (confirmée)", AccountPage.AddressShown(account));
    });

    private static Dictionary<string, string> Form(Citizen citizen, string password, string confirmation) => new()
    {
        ["GivenName"] = citizen.GivenName,
        ["FamilyName"] = citizen.FamilyName,
        ["Email"] = citizen.Email,
        ["Password"] = password,
        ["PasswordConfirmation"] = confirmation,
    };

    /// <summary>
    /// Registering the same address properly now must bring the confirmation mail of a new account
    /// (an address already registered gets «Vous avez déjà un compte» instead), as the first mail.
    /// </summary>
    private async Task AssertNothingWasCreatedAsync(WebSession browser, Citizen citizen)
    {
        Assert.Empty(platform.Mail.To(citizen.Email));
        var sent = await browser.SubmitFormAsync("/Inscription", Form(citizen, citizen.Password, citizen.Password));
        Assert.Equal("Vérifiez votre messagerie", AccountPage.Heading(sent));
        var first = await platform.Mail.WaitForAsync(citizen.Email);
        Assert.Equal("Confirmez votre adresse électronique", first.Subject);
    }
}

using System.Net;
using CarteValoise.Domain.Accounts;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// Double authentication over plain HTTP: «Mon compte» shows a QR code and the secret as text; a
/// wrong first code is refused, the right one puts it in force and shows ten recovery codes once;
/// from then on a sign-in takes two steps — the password, then the authenticator's code or a
/// recovery code, each refused in French when wrong — and turning it off needs the password.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SecondFactorPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Page = "/Compte/DoubleAuthentification";
    private const string SecondStep = "/Compte/DeuxiemeEtape";

    [Fact]
    public Task Enrolled_double_authentication_makes_a_sign_in_take_two_steps() => platform.RunAsync(output, async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        var portal = await platform.PortalAsync();
        using var laptop = new WebSession(portal);
        await laptop.SignInAsync(citizen.Email, citizen.Password);
        var (secret, confirmedStep, recoveryCodes) = await EnrolAsync(laptop);

        using var phone = new WebSession(portal);
        var asked = await phone.SignInAsync(citizen.Email, citizen.Password);
        Assert.Equal(SecondStep, asked.Address.AbsolutePath);
        Assert.Equal("Double authentification", AccountPage.Heading(asked));
        var codeField = AccountPage.ById(asked, "input", "Code");
        Assert.Equal("one-time-code", codeField?["autocomplete"]);
        Assert.Equal("numeric", codeField?["inputmode"]);
        Assert.DoesNotContain(citizen.Password, asked.Html);

        var wrong = await phone.SubmitFormAsync(SecondStep, new Dictionary<string, string> { ["Code"] = WrongCode(secret, confirmedStep) });
        Assert.Equal(SecondStep, wrong.Address.AbsolutePath);
        Assert.Equal(SecondFactor.WrongCode, AccountPage.FieldError(wrong, "Code"));
        Assert.Equal([SecondFactor.WrongCode], AccountPage.SummaryErrors(wrong));

        // The step after the one the enrolment spent: the same code again would be a replay.
        var right = await phone.SubmitFormAsync(SecondStep, new Dictionary<string, string> { ["Code"] = Totp.Code(secret, confirmedStep + 1) });
        Assert.NotEqual(SecondStep, right.Address.AbsolutePath);
        Assert.NotEqual("/Connexion", right.Address.AbsolutePath);
        Assert.Equal("/Compte", (await phone.GetAsync("/Compte")).Address.AbsolutePath);

        // A recovery code replaces the authenticator once.
        using var lostPhone = new WebSession(portal);
        await lostPhone.SignInAsync(citizen.Email, citizen.Password);
        var recovery = await lostPhone.GetAsync($"{SecondStep}?secours=true");
        Assert.Contains("Code de secours", recovery.Text);
        Assert.Equal("off", AccountPage.ById(recovery, "input", "Code")?["autocomplete"]);
        var recovered = await lostPhone.SubmitFormAsync($"{SecondStep}?secours=true", new Dictionary<string, string> { ["Code"] = recoveryCodes[0] });
        Assert.NotEqual("/Connexion", recovered.Address.AbsolutePath);
        var account = await lostPhone.GetAsync("/Compte");
        Assert.Contains("Il vous reste 9 codes de secours.", AccountPage.TextOf(account, "p", "etat-double-authentification"));
    });

    [Fact]
    public Task Turning_double_authentication_off_needs_the_password() => platform.RunAsync(output, async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        using var browser = new WebSession(await platform.PortalAsync());
        await browser.SignInAsync(citizen.Email, citizen.Password);
        await EnrolAsync(browser);

        var refused = await browser.SubmitFormHoldingAsync(Page, "Password", new Dictionary<string, string> { ["Password"] = "Pas le bon mot de passe 2026" });
        Assert.Equal("Mot de passe incorrect : la double authentification reste activée.", AccountPage.FieldError(refused, "Password"));
        Assert.Equal("true", AccountPage.ById(refused, "p", "etat-double-authentification")?["data-totp"]);

        var off = await browser.SubmitFormHoldingAsync(Page, "Password", new Dictionary<string, string> { ["Password"] = citizen.Password });
        Assert.Equal("/Compte", off.Address.AbsolutePath);
        Assert.Equal("La double authentification est désactivée : votre mot de passe suffit de nouveau pour vous connecter.", AccountPage.TextOf(off, "div", "avis"));
        Assert.Equal("false", AccountPage.ById(off, "p", "etat-double-authentification")?["data-totp"]);

        using var again = new WebSession(await platform.PortalAsync());
        var signedIn = await again.SignInAsync(citizen.Email, citizen.Password);
        Assert.NotEqual(SecondStep, signedIn.Address.AbsolutePath);
        Assert.NotEqual("/Connexion", signedIn.Address.AbsolutePath);
    });

    /// <summary>Begins on «Mon compte», reads the secret as a person would type it, fails a code once, then confirms.</summary>
    private static async Task<(string Secret, long Step, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(WebSession browser)
    {
        var before = await browser.GetAsync(Page);
        Assert.Equal("false", AccountPage.ById(before, "p", "etat-double-authentification")?["data-totp"]);

        var shown = await browser.SubmitFormAsync(Page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var svg = Markup.Tags(shown.Html, "svg").SingleOrDefault();
        Assert.True(svg is not null, $"No QR code on the page:\n{shown.Text}");
        Assert.Equal("img", svg["role"]);
        Assert.Equal("QR code à scanner avec votre application d'authentification", AccountPage.TextOf(shown, "figcaption", "qr-legende"));
        var typed = AccountPage.TextOf(shown, "code", "cle-secrete")!;
        var secret = typed.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(AccountPage.ById(shown, "code", "cle-secrete")?["data-secret"], secret);
        Assert.True(secret.Length >= 16, $"The secret «{typed}» is too short.");

        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        var wrong = await browser.SubmitFormHoldingAsync(Page, "Code", new Dictionary<string, string> { ["Code"] = WrongCode(secret, step) });
        Assert.Equal("Code incorrect : saisissez le code à 6 chiffres que votre application d'authentification affiche en ce moment.", AccountPage.FieldError(wrong, "Code"));
        Assert.Equal(typed, AccountPage.TextOf(wrong, "code", "cle-secrete"));

        step = Totp.StepAt(DateTimeOffset.UtcNow);
        var confirmed = await browser.SubmitFormHoldingAsync(Page, "Code", new Dictionary<string, string> { ["Code"] = Totp.Code(secret, step) });
        Assert.Equal("La double authentification est activée.", AccountPage.TextOf(confirmed, "div", "activee"));
        var list = AccountPage.ById(confirmed, "ul", "codes-de-secours") ?? throw new Xunit.Sdk.XunitException($"No recovery codes shown:\n{confirmed.Text}");
        var codes = Markup.Tags(confirmed.Html, "code", list.End, Markup.EndOf(confirmed.Html, list))
            .Select(code => Markup.Text(confirmed.Html[code.End..Markup.EndOf(confirmed.Html, code)]))
            .ToList();
        Assert.Equal(SecondFactor.RecoveryCodeCount, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());

        // Shown once: the page shown again has them no more.
        var later = await browser.GetAsync(Page);
        Assert.Null(AccountPage.ById(later, "ul", "codes-de-secours"));
        Assert.Contains($"Il vous reste {SecondFactor.RecoveryCodeCount} codes de secours.", AccountPage.TextOf(later, "p", "etat-double-authentification"));
        return (secret, step, codes);
    }

    /// <summary>Six digits no authenticator would show around that step.</summary>
    private static string WrongCode(string secret, long step)
    {
        var valid = Enumerable.Range(-2, 5).Select(d => Totp.Code(secret, step + d)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !valid.Contains(code));
    }
}

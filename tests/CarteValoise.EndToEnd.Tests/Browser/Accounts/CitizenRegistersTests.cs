using CarteValoise.Domain.Accounts;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Accounts;

/// <summary>
/// A citizen opening an account in a real browser (Debian's headless Chromium) on a 375 px phone:
/// «Créer un compte» from the sign-in page, a password the policy refuses explained in French, the
/// form sent again right, the mail that arrives, its link opened, then signing in and reaching the
/// family page and «Mon compte». Each page is checked by axe-core (WCAG 2.1 AA) as it is seen, errors
/// shown included, and none scrolls sideways or breaks the Content-Security-Policy; last, the QR code
/// of the double authentication.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CitizenRegistersTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int PhoneWidth = 375;

    [Fact]
    public Task A_citizen_registers_confirms_their_address_from_the_mail_and_signs_in() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var citizen = Citizen.New();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = PhoneWidth, Height = 740 } });
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (policyViolations) policyViolations.Add($"{page.Url}: {message.Text}");
        };

        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "S'identifier avec FranceConnect" })).ToBeVisibleAsync();
        await CheckAsync(page, "/Connexion");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mot de passe oublié", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "/MotDePasse/Oubli");
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Créer un compte", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "/Inscription");

        await FillAsync(page, citizen, "soleil");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        foreach (var reason in PasswordPolicy.Problems("soleil", citizen.Email))
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = reason })).ToHaveAttributeAsync("href", "#Password");
        await Expect(page.GetByLabel("Mot de passe", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Prénom", new() { Exact = true })).ToHaveValueAsync(citizen.GivenName);
        await CheckAsync(page, "/Inscription with its errors shown");

        await FillAsync(page, citizen, citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Un courriel de confirmation a été envoyé à {citizen.Email}.")).ToBeVisibleAsync();
        await CheckAsync(page, "«Vérifiez votre messagerie»");

        var link = await citizen.LinkMailedAsync(platform, "/Inscription/Confirmation");
        await page.GotoAsync(link.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adresse électronique confirmée", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "/Inscription/Confirmation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(citizen.Email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = citizen.DisplayName })).ToBeVisibleAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await CheckAsync(page, "the family page of an account without a family yet");

        await page.GetByRole(AriaRole.Link, new() { Name = citizen.DisplayName }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon compte", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-current='true']")).ToContainTextAsync("cette session");
        await CheckAsync(page, "/Compte");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("citizen-account-phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Activer la double authentification" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Commencer l'activation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code à scanner avec votre application d'authentification" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Code à 6 chiffres", new() { Exact = true })).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await CheckAsync(page, "/Compte/DoubleAuthentification with its QR code");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("citizen-totp-phone.png"), FullPage = true });
        lock (policyViolations) Assert.True(policyViolations.Count == 0, string.Join("\n", policyViolations));
    });

    private static async Task FillAsync(IPage page, Citizen citizen, string password)
    {
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync(citizen.GivenName);
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(citizen.FamilyName);
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(citizen.Email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirmation du mot de passe", new() { Exact = true }).FillAsync(password);
    }

    /// <summary>axe-core's WCAG 2.1 AA check, and nothing wider than the phone.</summary>
    private async Task CheckAsync(IPage page, string what)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page, what);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > PhoneWidth)
        {
            // What sticks out, and the scrolling box it sits in, if any: a table may scroll inside its own box, not the page.
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                    .slice(-5)
                    .map(e => { let a = e.parentElement; while (a && getComputedStyle(a).overflowX === 'visible') a = a.parentElement;
                        return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px'
                            + (a ? ', inside ' + a.tagName.toLowerCase() + '.' + String(a.className) + ' scrolling ' + getComputedStyle(a).overflowX : '') + ')'; })
                """);
            Assert.Fail($"{what} scrolls sideways on a {PhoneWidth} px phone: {scrollWidth} px wide; widest: {string.Join(", ", wide)}.");
        }
        output.WriteLine($"{what}: no serious violation, {scrollWidth} px wide.");
    }
}

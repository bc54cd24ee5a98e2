using CarteValoise.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.CitizenPages;

/// <summary>
/// The kiosk's pages, which a citizen uses too, checked by axe-core for WCAG 2.1 AA (no serious or
/// critical violation): «Passez votre carte» with its errors shown, the family, the question asked
/// when it is left alone, «Session terminée».
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class KioskPagesTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task The_kiosk_pages_have_no_serious_accessibility_violation() => platform.RunAsync(output, async () =>
    {
        var kiosk = await platform.KioskAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        await page.GotoAsync(new Uri(kiosk, "/").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Passez votre carte devant le lecteur, ou saisissez son numéro." })).ToHaveAttributeAsync("href", "#CardUid");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Saisissez votre code PIN." })).ToHaveAttributeAsync("href", "#Pin");
        await Expect(page.GetByLabel("Code PIN", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Passez votre carte» with its errors");

        await page.GetByLabel("Numéro de carte", new() { Exact = true }).FillAsync(Demo.CergyFamilyCards[1]);
        await page.GetByLabel("Code PIN", new() { Exact = true }).FillAsync(Demo.KioskPin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#balance[data-balance-cents]")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the kiosk's family page");

        // Left alone (300 s on the test kiosk), the family page asks whether the citizen is still
        // there 30 s before the end; the question gives 30 s to continue with one touch.
        var family = await page.GotoAsync(new Uri(kiosk, "/Famille").ToString());
        Assert.Equal("270;url=/Inactivite", await family!.HeaderValueAsync("refresh"));
        var warning = await page.GotoAsync(new Uri(kiosk, "/Inactivite").ToString());
        Assert.Equal("30;url=/Fin", await warning!.HeaderValueAsync("refresh"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Êtes-vous toujours là ?", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Pour protéger vos informations, la session se termine dans 30 secondes.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Êtes-vous toujours là ?»");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminer" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session terminée", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Session terminée»");
    });
}

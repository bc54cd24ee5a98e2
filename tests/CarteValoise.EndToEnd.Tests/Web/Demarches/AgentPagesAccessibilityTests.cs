using CarteValoise.EndToEnd.Tests.Browser;
using CarteValoise.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// The agents' démarches pages in a real browser (Debian's headless Chromium): axe-core finds no
/// serious WCAG 2.1 AA violation on the queue, a request (with a refused move's error shown), the
/// counter's form (with its errors), the figures and their chart, the catalogue and a definition;
/// and the browser reports no breach of the Content-Security-Policy (no inline script or style).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentPagesAccessibilityTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task The_demarches_pages_pass_axe_core_and_keep_to_the_content_security_policy() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Petit"))).Line.Reference;
        await demarche.MoveAsync((await demarche.FileAsync(demarche.Named("Petit"))).Line.Reference, "accepter");
        var portal = await platform.PortalAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });
        var breaches = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) breaches.Add(message.Text);
        };

        await page.GotoAsync(new Uri(portal, $"/Admin/Demarches?commune={AgentDemarche.Commune}&demarche={demarche.Id}").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(AgentDemarche.AgentEmail);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.AgentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Démarches : file des demandes", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#total")).ToHaveTextAsync("2 demandes correspondent à ces filtres.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the démarches queue");

        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await Expect(page.GetByText("Votre consultation est inscrite au journal des accès du demandeur.")).ToBeVisibleAsync();
        await page.Locator("form[data-move-id='refuser']").GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Expect(page.Locator("#motif-refuser-erreur")).ToHaveTextAsync("Erreur : Indiquez le motif : le demandeur le lira.");
        await Expect(page.GetByLabel("Motif").Last).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a request with a refused move");

        await page.GotoAsync(new Uri(portal, $"/Admin/Demarches/Guichet?commune={AgentDemarche.Commune}&demarche={demarche.Id}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la demande" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the counter's form with its errors");

        await page.GotoAsync(new Uri(portal, $"/Admin/Demarches/Statistiques?commune={AgentDemarche.Commune}").ToString());
        await Expect(page.Locator($"tr[data-demarche-id='{demarche.Id}']")).ToBeVisibleAsync();
        await Expect(page.Locator("svg rect.received").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the figures and their chart");

        await page.GotoAsync(new Uri(portal, $"/Admin/Demarches/Catalogue?commune={AgentDemarche.Commune}").ToString());
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the catalogue");
        await page.GotoAsync(new Uri(portal, $"/Admin/Demarches/Catalogue/Definition?commune={AgentDemarche.Commune}&id={demarche.Id}").ToString());
        await Expect(page.GetByLabel("Définition (JSON)")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "a definition");

        Assert.True(breaches.Count == 0, "The browser reports breaches of the Content-Security-Policy:\n" + string.Join("\n", breaches));
    });
}

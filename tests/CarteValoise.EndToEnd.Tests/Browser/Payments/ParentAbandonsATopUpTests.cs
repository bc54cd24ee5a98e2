using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Payments;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Payments;

/// <summary>
/// A Pontoise parent (prepaid balance) on «Recharger le solde» in a real browser: a bad amount is
/// said next to the field and in the summary; a good one goes to the gateway, where the parent
/// abandons; the return page says so and the balance has not moved.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParentAbandonsATopUpTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_parent_mistypes_a_top_up_then_abandons_it_on_the_gateway_and_nothing_is_credited() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        using var cloud = new PaymentsCloud(await platform.CloudAsync());
        var token = await cloud.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        var before = (await cloud.FamilyAsync(token)).BalanceCents;
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(PaymentsDemo.PontoiseParent);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.ParentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Recharger le solde" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recharger le solde", Level = 1 })).ToBeVisibleAsync();

        var amount = page.GetByLabel("Montant à ajouter, en euros");
        await amount.FillAsync("0,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recharger sur PayFiP" }).ClickAsync();
        var said = "Le montant du rechargement doit être compris entre 1,00 € et 500,00 € (0,50 € demandé).";
        await Expect(page.Locator("#montant-erreur")).ToHaveTextAsync(said);
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = said })).ToHaveAttributeAsync("href", "#montant");
        await Expect(amount).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the top-up page with its error");

        await amount.FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recharger sur PayFiP" }).ClickAsync();
        await Expect(page.Locator("#sandbox-payment")).ToHaveAttributeAsync("data-montant", "1500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abandonner" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paiement abandonné", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#payment-result")).ToHaveAttributeAsync("data-state", "abandoned");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le reçu (PDF)" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the return page of an abandoned payment");
        Assert.Equal(before, (await cloud.FamilyAsync(token)).BalanceCents);
    });
}

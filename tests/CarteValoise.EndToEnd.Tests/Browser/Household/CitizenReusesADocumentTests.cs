using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Household;

/// <summary>
/// Adding a document and reusing it in a request, in a real browser (Debian's headless Chromium): a
/// new citizen creates their household dossier on /Dossier, uploads a justificatif de domicile on
/// /Documents, then on /Dossier/Changement picks it for an address change (after sending the empty
/// form once, to see the errors) and submits; the request is tracked on /Dossier/Demandes, and the
/// Cergy agent finds it with the document. axe-core checks every citizen page in each state shown.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CitizenReusesADocumentTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Adding_a_document_and_reusing_it_in_a_request() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var citizen = await Citizen.ConfirmedAsync(platform);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        await page.GotoAsync(new Uri(portal, "/Dossier").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(citizen.Email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon dossier famille", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/Dossier before the household exists");

        await page.GetByLabel("Commune de résidence").SelectOptionAsync(new SelectOptionValue { Label = "Cergy" });
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync(citizen.GivenName);
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(citizen.FamilyName);
        await page.GetByLabel("Date de naissance", new() { Exact = true }).FillAsync("1988-04-21");
        await page.GetByLabel("Lien avec les enfants du foyer").SelectOptionAsync(new SelectOptionValue { Label = "Parent" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon dossier famille" }).ClickAsync();
        await Expect(page.Locator("#fait")).ToContainTextAsync("Votre dossier famille est créé.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{citizen.GivenName} {citizen.FamilyName} (vous)", Level = 3 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/Dossier");

        // The document first, in «Mes documents».
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes documents", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes documents", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Justificatif de domicile", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Type de document")).ToHaveValueAsync("justificatif-domicile");
        await page.GetByLabel("Date du justificatif", new() { Exact = true }).FillAsync(DossierCitizen.TodayInParis().AddDays(-10).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Fichier (PDF, JPEG ou PNG, 10 Mo au plus)", new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "facture-electricite.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Facture d'électricité") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce document" }).ClickAsync();
        await Expect(page.Locator("#confirmation")).ToContainTextAsync("« facture-electricite.pdf » a été ajouté à vos documents");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Mes documents» with the justificatif added");

        // Then the request that reuses it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mon dossier", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Indiquer mon adresse" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Changement d'adresse", Level = 1 })).ToBeVisibleAsync();
        var proof = page.GetByLabel("facture-electricite.pdf", new() { Exact = true });
        await Expect(proof).ToBeVisibleAsync();
        await Expect(page.Locator("div.checkbox[data-status='Valid']")).ToHaveCountAsync(1);
        var documentId = await proof.GetAttributeAsync("value");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un document dans « Mes documents »" })).ToHaveAttributeAsync("href", "/Documents");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/Dossier/Changement");

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande à la mairie" }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Joignez un justificatif de domicile : choisissez-le parmi vos documents, ou ajoutez-le d'abord dans « Mes documents »." }))
            .ToHaveAttributeAsync("href", "#justificatif");
        await Expect(page.Locator("#adresse-erreur")).ToHaveTextAsync("Erreur : Indiquez le numéro et la rue, par exemple 12 rue des Écoles.");
        await Expect(page.GetByLabel("Numéro et rue")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveTitleAsync("Erreur : Changement d'adresse — CarteValoise");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/Dossier/Changement with its errors");

        await page.GetByLabel("Numéro et rue").FillAsync("12 rue des Écoles");
        await page.GetByLabel("Code postal").FillAsync("95000");
        await page.GetByLabel("Commune", new() { Exact = true }).FillAsync("Cergy");
        await proof.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande à la mairie" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes demandes de modification", Level = 1 })).ToBeVisibleAsync();
        var request = page.Locator("section.dossier-change");
        await Expect(request).ToHaveCountAsync(1);
        var reference = await request.GetAttributeAsync("data-reference") ?? "";
        Assert.Matches(@"^DOS-95127-\d{4}-\d{6}$", reference);
        await Expect(page.Locator("#fait")).ToContainTextAsync($"Votre demande {reference} est envoyée à la mairie de Cergy.");
        await Expect(request).ToContainTextAsync("Déposée — Nouvelle adresse : 12 rue des Écoles, 95000 Cergy");
        await Expect(request).ToContainTextAsync("Justificatif de domicile : facture-electricite.pdf");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "/Dossier/Demandes");

        // On a phone: nothing wider than the screen.
        await page.SetViewportSizeAsync(375, 812);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "/Dossier/Demandes is wider than a 375 px phone screen.");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("citizen-dossier-request-phone.png"), FullPage = true });

        // The agent of Cergy sees the request with the document.
        var agentPage = await browser.NewPageAsync(new() { Locale = "fr-FR" });
        await agentPage.GotoAsync(new Uri(portal, $"/Admin/Demandes/{reference}").ToString());
        await agentPage.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(Demo.CergyAgent);
        await agentPage.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.AgentPassword);
        await agentPage.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(agentPage.GetByRole(AriaRole.Heading, new() { Name = $"Changement d'adresse ({reference})", Level = 1 })).ToBeVisibleAsync();
        var document = agentPage.GetByRole(AriaRole.Link, new() { Name = "Justificatif de domicile : facture-electricite.pdf" });
        await Expect(document).ToHaveAttributeAsync("href", $"/Admin/Pieces/{reference}/{documentId}?motif=Demande%20{reference}");
        await Expect(agentPage.Locator("table.dossier-comparison td.proposed")).ToHaveTextAsync("12 rue des Écoles, 95000 Cergy");
        await agentPage.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("agent-dossier-request.png"), FullPage = true });
    });
}

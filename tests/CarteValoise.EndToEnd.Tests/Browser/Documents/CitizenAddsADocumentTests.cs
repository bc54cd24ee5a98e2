using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Documents;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using CarteValoise.EndToEnd.Tests.Web.Documents;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Documents;

/// <summary>
/// A citizen in a real browser (Debian's headless Chromium) adds a document from /Documents: picks
/// its type, gives its date, chooses the file, and finds it listed valid; a program renamed .pdf is
/// refused with the French message at the field; the date field is labelled for the type chosen from
/// the list of types. axe-core checks each state of the page, the error shown included, and the page
/// fits a phone's width.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CitizenAddsADocumentTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string FileLabel = "Fichier (PDF, JPEG ou PNG, 10 Mo au plus)";

    [Fact]
    public Task A_citizen_adds_a_justificatif_de_domicile_and_sees_a_refused_program_explained() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var citizen = await Citizen.ConfirmedAsync(platform);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        // Signing in from the page itself: the portal brings the citizen back to it.
        await page.GotoAsync(new Uri(portal, "/Documents").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(citizen.Email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes documents", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mes documents", Exact = true })).ToHaveAttributeAsync("href", "/Documents");
        await Expect(page.Locator("#aucun-document")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Mes documents», empty");

        // The date field says which date a type wants once that type is chosen from the list.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pièce d'identité", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Date d'expiration de la pièce", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Type de document")).ToHaveValueAsync("piece-identite");

        var dated = ServiceDay.Today(TimeProvider.System).AddDays(-20);
        await page.GetByLabel("Type de document").SelectOptionAsync(new SelectOptionValue { Label = "Justificatif de domicile" });
        await page.GetByLabel("Date d'expiration de la pièce", new() { Exact = true }).FillAsync(ServiceDay.Format(dated));
        var file = page.GetByLabel(FileLabel, new() { Exact = true });
        await Expect(file).ToHaveAttributeAsync("accept", "application/pdf,image/jpeg,image/png");
        await Expect(file).ToHaveAttributeAsync("capture", "environment");
        await file.SetInputFilesAsync(new FilePayload { Name = "quittance-loyer.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Quittance de loyer") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce document" }).ClickAsync();

        var validUntil = DocumentDates.Long(DocumentKinds.ProofOfAddress.ValidUntil(dated)!.Value);
        await Expect(page.Locator("#confirmation")).ToHaveTextAsync(
            $"« quittance-loyer.pdf » a été ajouté à vos documents : Justificatif de domicile, valable jusqu'au {validUntil}.");
        var listed = page.Locator("li[data-file-name='quittance-loyer.pdf']");
        await Expect(listed).ToHaveAttributeAsync("data-status", "valables");
        await Expect(listed.Locator(".document-status")).ToHaveTextAsync($"Valable jusqu'au {validUntil}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Valables : 1", Level = 2 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Mes documents» with a document added");

        await page.GetByLabel("Type de document").SelectOptionAsync(new SelectOptionValue { Label = "Attestation CAF" });
        await page.GetByLabel("Date du document", new() { Exact = true }).FillAsync(ServiceDay.Format(dated));
        await page.GetByLabel(FileLabel, new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "attestation.pdf", MimeType = "application/pdf", Buffer = SampleFiles.WindowsProgram() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce document" }).ClickAsync();

        const string Refusal = "« attestation.pdf » est un programme exécutable, pas un document, quel que soit son nom : envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG.";
        var summary = page.Locator(".error-summary");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync([Refusal]);
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#fichier");
        await Expect(page.Locator("#fichier-erreur")).ToHaveTextAsync($"Erreur : {Refusal}");
        await Expect(page.GetByLabel(FileLabel, new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveTitleAsync("Erreur : Mes documents — CarteValoise");
        await Expect(page.Locator("li[data-document-id]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#confirmation")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Mes documents» with a refused upload");

        // On a phone: nothing wider than the screen.
        await page.SetViewportSizeAsync(375, 812);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "/Documents is wider than a 375 px phone screen.");
        var shot = Chromium.ScreenshotPath("citizen-documents-phone.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine($"Screenshot: {shot}");
    });
}

using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Privacy;

/// <summary>
/// The Cergy demo parent in a real browser (Debian's headless Chromium): after the Cergy agent opened
/// the family on its /Admin page with a reason, the parent opens «Mes données», sees that agent in the
/// access log, downloads «Mes données (.zip)», and the archive holds the family's name, its children
/// and that line of the access log. The closure form is checked unticked, and the page on a phone.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParentDownloadsMyDataTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task The_parent_downloads_their_data_and_finds_the_family_the_children_and_the_access_log() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var family = await FamilyAsync();
        var reason = $"Contrôle du dossier {Guid.NewGuid():N}"[..32];
        using (var agent = new WebSession(portal))
        {
            await agent.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
            var opened = await agent.GetAsync($"/Admin/Familles/{Demo.CergyFamily}?motif={Uri.EscapeDataString(reason)}");
            Assert.Contains(family.FamilyName, opened.Text);
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR", AcceptDownloads = true });

        // Straight to «Mes données»: the portal asks to sign in first, then comes back to it.
        await page.GotoAsync(new Uri(portal, "/MesDonnees").ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the sign-in page");
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(Demo.CergyParent);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.ParentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes données", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" }).GetByRole(AriaRole.Link, new() { Name = "Mes données", Exact = true })).ToBeVisibleAsync();
        var line = page.Locator("table.access-log tbody tr", new() { HasText = reason });
        await Expect(line.Locator("td")).ToHaveTextAsync([new Regex(@"^\d{1,2}(er)? \S+ \d{4} à \d\d:\d\d$"), new("^Agent de Cergy \\(Cergy\\)$"),
            new("^dossier famille$"), new($"^{Regex.Escape(reason)}$")]);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Mes données»");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Télécharger mes données (.zip)" }).ClickAsync());
        Assert.Matches(@"^mes-donnees-\d{4}-\d{2}-\d{2}\.zip$", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(saved);
        try
        {
            using var zip = ZipFile.OpenRead(saved);
            Assert.Contains("README.txt", zip.Entries.Select(e => e.FullName));
            var data = Json(zip, "famille.json");
            Assert.Equal((Demo.CergyFamily, family.FamilyName), (data.GetProperty("famille").GetProperty("numéro").GetString(), data.GetProperty("famille").GetProperty("nom").GetString()));
            Assert.Equal(family.Children.Select(c => (c.FirstName, c.LastName)).Order(),
                data.GetProperty("enfants").EnumerateArray().Select(c => (c.GetProperty("prénom").GetString()!, c.GetProperty("nom").GetString()!)).Order());
            var read = Json(zip, "journal-des-acces.json").GetProperty("accès").EnumerateArray().Single(e => e.GetProperty("pourquoi").GetString() == reason);
            Assert.Equal(("Agent de Cergy", "Cergy", "dossier famille", true),
                (read.GetProperty("agent").GetString(), read.GetProperty("communes")[0].GetString(), read.GetProperty("quoi").GetString(), read.GetProperty("autorisé").GetBoolean()));
        }
        finally
        {
            File.Delete(saved);
        }

        // The closure form, sent unticked: the error is shown and nothing is asked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Demander la clôture de mon compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Clôturer mon compte", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la demande de clôture" }).ClickAsync();
        await Expect(page.Locator("#confirme-erreur")).ToHaveTextAsync("Cochez la case pour confirmer que vous demandez la clôture de votre compte.");
        await Expect(page.GetByLabel("Je demande la clôture de mon compte", new() { Exact = false })).Not.ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the closure form with its error");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ne rien demander" }).ClickAsync();
        await Expect(page.Locator("#cloture")).ToHaveAttributeAsync("data-state", "None");

        // On a phone: nothing wider than the screen but the tables, which scroll within their frame.
        await page.SetViewportSizeAsync(375, 812);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes données", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "«Mes données» is wider than a 375 px screen.");
        var phone = Chromium.ScreenshotPath("mes-donnees-phone.png");
        await page.ScreenshotAsync(new() { Path = phone, FullPage = true });
        output.WriteLine($"Screenshot: {phone}");
    });

    private static JsonElement Json(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>The family as the cloud knows it, so that the archive is checked against the truth.</summary>
    private async Task<FamilySummary> FamilyAsync()
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        return await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword), CloudApi.Deadline);
    }
}

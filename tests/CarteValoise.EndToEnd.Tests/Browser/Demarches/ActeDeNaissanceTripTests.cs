using System.Text;
using System.Text.RegularExpressions;
using CarteValoise.Domain.Calendar;
using CarteValoise.EndToEnd.Tests.Demarches;
using CarteValoise.EndToEnd.Tests.Mail;
using CarteValoise.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Demarches;

/// <summary>
/// The whole trip of an acte de naissance, in a real browser (Debian's headless Chromium), the citizen
/// and the agent each in a browser context of their own: the citizen puts a pièce d'identité in their
/// safe, files a copie intégrale over the form's pages with it (after being told the page needs it),
/// reviews and sends; the Cergy agent finds the request in the queue by the citizen's name and asks
/// for a complement; the citizen, mailed, follows the mail's link, adds a passport to the safe and
/// answers with it; the agent accepts, which generates the commune's answer, and the citizen downloads
/// that PDF, which names the request. axe-core checks the citizen's form, review and timeline, and
/// the agent's queue and request.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ActeDeNaissanceTripTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string FileLabel = "Fichier (PDF, JPEG ou PNG, 10 Mo au plus)";
    private const string Title = "Demande d'acte de naissance";
    private const string Complement = "La copie de votre pièce d'identité est illisible : joignez une copie lisible de votre passeport ou de votre carte.";
    private const string Answer = "Voici une copie lisible de mon passeport.";

    [Fact]
    public Task A_citizen_files_an_acte_de_naissance_answers_a_complement_and_downloads_the_communes_answer() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        using var api = new DemarchesApi(await platform.CloudAsync());
        var (citizen, _) = await DemarcheCitizen.WithHouseholdAsync(platform, api);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        // The pièce d'identité first, in «Mes documents».
        await page.GotoAsync(new Uri(portal, "/Documents").ToString());
        await SignInAsync(page, citizen.Email, citizen.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes documents", Level = 1 })).ToBeVisibleAsync();
        await AddIdentityDocumentAsync(page, "carte-identite.pdf");

        // The catalogue of the household's commune, and the form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Démarches", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Démarches", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les démarches de la mairie de Cergy", Level = 2 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = Title, Exact = true }) })
            .GetByRole(AriaRole.Link, new() { Name = "Commencer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre demande", Level = 2 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Document demandé" }).GetByLabel("Copie intégrale", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Pour qui demandez-vous l'acte ?" }).GetByLabel("Pour moi-même", new() { Exact = true }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the form's first page");

        // A copie intégrale asks for the identity document: the page says so, and now offers it.
        await ContinueAsync(page);
        const string Missing = "Joignez « Pièce d'identité du demandeur » : choisissez la pièce parmi vos documents, ou ajoutez-la d'abord dans « Mes documents ».";
        await Expect(page.Locator(".error-summary").GetByRole(AriaRole.Link)).ToHaveTextAsync([Missing]);
        var identity = page.GetByRole(AriaRole.Group, new() { Name = "Pièce d'identité du demandeur" });
        await Expect(identity).ToContainTextAsync($"Erreur : {Missing}");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the form's first page with its error");
        await identity.GetByLabel("carte-identite.pdf", new() { Exact = true }).CheckAsync();
        await ContinueAsync(page);

        // The person: the citizen themselves, prefilled from the household dossier.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "La personne dont l'acte est demandé", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Nom de naissance", new() { Exact = true })).ToHaveValueAsync(citizen.FamilyName);
        await Expect(page.GetByLabel("Prénoms", new() { Exact = true })).ToHaveValueAsync(citizen.GivenName);
        await Expect(page.GetByLabel("Date de naissance", new() { Exact = true })).ToHaveValueAsync(DemarcheCitizen.BirthDate);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the form's page prefilled from the household");
        await ContinueAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Les parents de la personne", Level = 2 })).ToBeVisibleAsync();
        await page.GetByLabel("Premier parent : nom de naissance et prénoms", new() { Exact = true }).FillAsync($"{citizen.FamilyName} Marie Claire");
        await ContinueAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remise de l'acte", Level = 2 })).ToBeVisibleAsync();
        await page.GetByLabel("Je le retire au guichet de la mairie", new() { Exact = true }).CheckAsync();
        await ContinueAsync(page);

        // The review, then the sending.
        await Expect(page.GetByText("Vérifiez vos réponses avant d'envoyer votre demande à la mairie de Cergy.")).ToBeVisibleAsync();
        var request = page.GetByRole(AriaRole.Region, new() { Name = "Votre demande", Exact = true });
        await Expect(request).ToContainTextAsync("Copie intégrale");
        await Expect(request).ToContainTextAsync("carte-identite.pdf");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Les parents de la personne" })).ToContainTextAsync($"{citizen.FamilyName} Marie Claire");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the review page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Demarches/Suivi/DEM-95127-\d{4}-\d{6}\?envoyee=1$"));
        var reference = Regex.Match(page.Url, @"DEM-95127-\d{4}-\d{6}").Value;
        await Expect(page.Locator("#envoyee")).ToHaveTextAsync($"Votre demande {reference} a été envoyée. Un accusé de réception vous a été envoyé par courriel.");
        await Expect(page.Locator("#etat")).ToHaveTextAsync("Déposée");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Documents joints à la demande" })).ToContainTextAsync("Pièce d'identité : carte-identite.pdf");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the request's timeline, just filed");
        var acknowledgement = await platform.Mail.WaitForAsync(citizen.Email, m => m.Subject == $"Demande {reference} reçue : {Title}");
        Assert.Contains(reference, acknowledgement.TextBody);

        // The agent, in a browser of their own, finds it by the citizen's name and asks for a complement.
        var agent = await browser.NewPageAsync(new() { Locale = "fr-FR" });
        await agent.GotoAsync(new Uri(portal, "/Admin/Demarches").ToString());
        await SignInAsync(agent, Demo.CergyAgent, Demo.AgentPassword);
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Démarches : file des demandes", Level = 1 })).ToBeVisibleAsync();
        await agent.GetByLabel("Référence ou nom", new() { Exact = true }).FillAsync(citizen.FamilyName);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Afficher", Exact = true }).ClickAsync();
        var row = agent.GetByRole(AriaRole.Row).Filter(new() { Has = agent.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(Title);
        await Expect(row).ToContainTextAsync(citizen.DisplayName);
        await Expect(row).ToContainTextAsync("Déposée");
        await Expect(row).ToContainTextAsync("En ligne");
        await Accessibility.AssertNoSeriousViolationsAsync(agent, "the agent's queue, searched by name");
        await row.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();

        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = $"{Title} ({reference})", Level = 1 })).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Pièce d'identité : carte-identite.pdf" }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(agent, "the agent's view of the request");
        var askComplement = agent.Locator("form[data-move-id='demander-complement']");
        await askComplement.GetByLabel("Motif", new() { Exact = true }).FillAsync(Complement);
        await askComplement.GetByRole(AriaRole.Button, new() { Name = "Demander un complément" }).ClickAsync();
        await Expect(agent.Locator("#fait")).ToHaveTextAsync($"La demande {reference} est maintenant « Complément demandé ».");
        await Expect(agent.Locator("#etat")).ToHaveTextAsync("Complément demandé");

        // The citizen is mailed, follows the link, and sees what is asked.
        var asked = await platform.Mail.WaitForAsync(citizen.Email, m => m.Subject == $"Demande {reference} : complément demandé");
        Assert.Contains(Complement, asked.TextBody);
        var suivi = MailSink.LinkIn(asked, new Uri(portal, $"/Demarches/Suivi/{reference}").ToString());
        await page.GotoAsync(suivi.ToString());
        await Expect(page.Locator("#etat")).ToHaveTextAsync("Complément demandé");
        await Expect(page.Locator("#action-attendue")).ToContainTextAsync("la mairie attend une réponse de votre part");
        var newest = page.GetByRole(AriaRole.Region, new() { Name = "Historique de la demande (du plus récent au plus ancien)" }).GetByRole(AriaRole.Listitem).First;
        await Expect(newest).ToContainTextAsync($"Demander un complément : {Complement}");
        await Expect(newest).ToContainTextAsync("État : Complément demandé");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the request's timeline, a complement asked");

        // A passport into the safe, then the answer with it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mes documents", Exact = true }).ClickAsync();
        await AddIdentityDocumentAsync(page, "passeport.pdf");
        await page.GotoAsync(suivi.ToString());
        var answer = page.GetByRole(AriaRole.Form, new() { Name = "Répondre à la demande de complément" });
        await answer.GetByLabel("Votre message à la mairie", new() { Exact = true }).FillAsync(Answer);
        await answer.GetByLabel("passeport.pdf", new() { Exact = true }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the answer to the complement, filled in");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Répondre à la demande de complément" }).ClickAsync();
        await Expect(page.Locator("#fait")).ToHaveTextAsync("C'est fait : votre demande est maintenant « En cours d'instruction ».");
        await Expect(page.Locator("#etat")).ToHaveTextAsync("En cours d'instruction");
        await Expect(newest).ToContainTextAsync(Answer);
        await Expect(newest).ToContainTextAsync("passeport.pdf");

        // The agent reads the answer and accepts, which generates the commune's answer.
        await agent.GotoAsync(new Uri(portal, $"/Admin/Demarches/Demande/{reference}").ToString());
        await Expect(agent.Locator("#etat")).ToHaveTextAsync("En cours d'instruction");
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Pièce d'identité : passeport.pdf" }).First).ToBeVisibleAsync();
        await Expect(agent.GetByText(Answer)).ToBeVisibleAsync();
        await agent.Locator("form[data-move-id='accepter']").GetByRole(AriaRole.Button, new() { Name = "Accepter", Exact = true }).ClickAsync();
        await Expect(agent.Locator("#fait")).ToHaveTextAsync($"La demande {reference} est maintenant « Acceptée ».");
        // Accepting produces the commune's answer from the démarche's template, once.
        await Expect(agent.GetByRole(AriaRole.Region, new() { Name = "Documents de la demande" })
            .GetByRole(AriaRole.Link, new() { Name = "Réponse à votre demande d'acte de naissance (PDF)" })).ToHaveCountAsync(1);
        await Expect(agent.GetByText("Document disponible : Réponse à votre demande d'acte de naissance")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(agent, "the agent's view of the request, accepted");

        // The citizen downloads it: a PDF that names the request.
        await platform.Mail.WaitForAsync(citizen.Email, m => m.Subject == $"Demande {reference} : un document est disponible");
        await page.GotoAsync(suivi.ToString());
        await Expect(page.Locator("#etat")).ToHaveTextAsync("Acceptée");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the request's timeline, accepted");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Réponse à votre demande d'acte de naissance (PDF)" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfText.Of(pdf);
        Assert.Contains(reference, text);
        Assert.Contains(citizen.FamilyName, text);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("citizen-demarche-accepted.png"), FullPage = true });
    });

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    private static Task ContinueAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et continuer", Exact = true }).ClickAsync();

    /// <summary>From «Mes documents»: a pièce d'identité that expires in five years.</summary>
    private static async Task AddIdentityDocumentAsync(IPage page, string fileName)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Pièce d'identité", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Type de document")).ToHaveValueAsync("piece-identite");
        await page.GetByLabel("Date d'expiration de la pièce", new() { Exact = true })
            .FillAsync(ServiceDay.Format(ServiceDay.Today(TimeProvider.System).AddYears(5)));
        await page.GetByLabel(FileLabel, new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Piece d'identite") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter ce document" }).ClickAsync();
        await Expect(page.Locator("#confirmation")).ToContainTextAsync($"« {fileName} » a été ajouté à vos documents");
    }
}

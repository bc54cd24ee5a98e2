using System.Net;
using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Browser;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Grpc.Core;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A démarche's texts changed on /Admin/Demarches/Catalogue/Textes, over plain HTTP against the real
/// cloud, without touching its JSON file: a new title and a new label make the next version, which
/// the citizens' catalogue shows while a request filed before keeps its own; an empty title, a
/// template naming no field, or a form read on an older version save nothing and say why in French;
/// another commune's agent reads and changes nothing. In Chromium, the form and its error pass
/// axe-core and keep to the Content-Security-Policy.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentTextsPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static string TextsPage(AgentDemarche demarche) => $"/Admin/Demarches/Catalogue/Textes?commune={AgentDemarche.Commune}&id={demarche.Id}";

    [Fact]
    public Task A_new_title_and_label_make_the_next_version_for_new_requests_only() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var before = (await demarche.FileAsync(demarche.Named("Leroy"))).Line.Reference;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        // Reached from the catalogue and from the definition.
        var links = Markup.Tags((await agent.GetAsync($"/Admin/Demarches/Catalogue?commune={AgentDemarche.Commune}")).Html, "a")
            .Concat(Markup.Tags((await agent.GetAsync($"/Admin/Demarches/Catalogue/Definition?commune={AgentDemarche.Commune}&id={demarche.Id}")).Html, "a"));
        Assert.Equal(2, links.Count(a => a["href"] == TextsPage(demarche)));

        var form = await agent.GetAsync(TextsPage(demarche));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("1", FormVersion(form));
        Assert.Equal(demarche.Title, Value(form, "titre"));
        Assert.Equal("Objet de la demande", Value(form, "champ:objet:libelle"));
        Assert.Equal("Votre demande est refusée : {{motif}}", Value(form, "mouvement:refuser:message"));
        Assert.Equal("Objet : {{objet}}", Value(form, "modele:attestation:corps"));
        Assert.Equal(["La démarche", "Page « Votre demande »", "Circuit de traitement : les états", "Circuit de traitement : les mouvements", "Modèles de documents"],
            Markup.Tags(form.Html, "fieldset").Select(f => f["data-part"]).OfType<string>());
        Assert.Equal("Titre de la démarche", Markup.Text(LabelOf(form, "titre")));

        var renamed = $"Location de salle {demarche.Tag}";
        var saved = await Send(agent, form, ("titre", renamed), ("champ:objet:libelle", "Objet de votre réservation"));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(DossierPages.ErrorSummary(saved));
        Assert.Equal("Version 2 enregistrée.", Done(saved));
        Assert.Equal(("2", renamed, "Objet de votre réservation"), (FormVersion(saved), Value(saved, "titre"), Value(saved, "champ:objet:libelle")));
        var definition = await demarche.DefinitionAsync();
        Assert.Equal((2, 2), (definition.Version, definition.History.Count));
        Assert.Contains("\"label\": \"Objet de votre réservation\"", definition.Json);
        Assert.Contains("\"noticeText\": \"Votre demande est refusée : {{motif}}\"", definition.Json);

        // The citizens' catalogue offers the new title; the request filed before keeps version 1 and its title.
        var catalogue = await demarche.Citizen.ListCatalogueAsync(new ListCatalogueRequest { CommuneInseeCode = AgentDemarche.Commune }, demarche.Agent, CloudApi.Deadline);
        Assert.Equal((renamed, 2), catalogue.Entries.Where(e => e.DemarcheId == demarche.Id).Select(e => (e.Title, e.Version)).Single());
        var old = await demarche.RequestAsync(before);
        Assert.Equal((1, demarche.Title), (old.DefinitionVersion, old.Line.Title));
        var after = await demarche.FileAsync(demarche.Named("Leroy"));
        Assert.Equal((2, renamed), (after.DefinitionVersion, after.Line.Title));

        // The same texts again make no version.
        var same = await Send(agent, saved, ("titre", renamed));
        Assert.Equal("Rien n'a changé : la version 2 reste en vigueur.", Done(same));
        Assert.Equal(2, (await demarche.DefinitionAsync()).Version);
    });

    [Fact]
    public Task An_empty_title_a_template_naming_no_field_or_a_stale_form_save_nothing() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var form = await agent.GetAsync(TextsPage(demarche));

        var empty = await Send(agent, form, ("titre", "   "), ("champ:objet:libelle", "Objet de votre réservation"));

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal(["Titre de la démarche : ce texte ne peut pas être vide."], AgentPages.ProblemsNextTo(empty, IdOf(empty, "titre")));
        Assert.Equal(["Titre de la démarche : ce texte ne peut pas être vide."], DossierPages.ErrorSummary(empty));
        Assert.Equal("Objet de votre réservation", Value(empty, "champ:objet:libelle"));
        Assert.Equal(1, (await demarche.DefinitionAsync()).Version);

        // What holds text by text but not as a whole is said at the top, with the definition's words.
        var unknownField = await Send(agent, form, ("modele:attestation:corps", "Objet : {{inconnu}}"));
        Assert.Single(DossierPages.ErrorSummary(unknownField),
            p => p.StartsWith("Le modèle « attestation » utilise « {{inconnu}} », qui n'est ni un champ de la démarche ni une information connue", StringComparison.Ordinal));
        Assert.Equal("Objet : {{inconnu}}", TextArea(unknownField, "modele:attestation:corps"));
        Assert.Equal(1, (await demarche.DefinitionAsync()).Version);

        // Another agent saves a version meanwhile: the form read on version 1 would undo it.
        await demarche.Catalogue.SaveDefinitionAsync(new SaveDefinitionRequest { CommuneInseeCode = AgentDemarche.Commune, Json = AgentDefinitions.Valid(demarche.Tag, "Titre d'un collègue") },
            demarche.Agent, CloudApi.Deadline);
        var stale = await Send(agent, form, ("titre", "Mon titre"));
        Assert.Equal(["La démarche a été modifiée entre-temps (version 2) : rechargez la page."], DossierPages.ErrorSummary(stale));
        var current = await demarche.DefinitionAsync();
        Assert.Equal(2, current.Version);
        Assert.Contains("\"title\": \"Titre d'un collègue\"", current.Json);
    });

    [Fact]
    public Task Another_communes_agent_neither_reads_nor_changes_the_texts() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        using var pontoise = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.PontoiseAgent);

        var page = await pontoise.GetAsync(TextsPage(demarche));
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.DoesNotContain(demarche.Title, page.Text);

        using var cloud = new CloudApi(await platform.CloudAsync());
        var other = await cloud.SignInAsync(AgentDemarche.PontoiseAgent, Demo.AgentPassword);
        var read = await Assert.ThrowsAsync<RpcException>(() => demarche.Catalogue.GetDefinitionTextsAsync(
            new GetDefinitionRequest { CommuneInseeCode = AgentDemarche.Commune, DemarcheId = demarche.Id }, other, CloudApi.Deadline).ResponseAsync);
        Assert.Equal((StatusCode.PermissionDenied, "Accès refusé aux démarches de cette commune."), (read.StatusCode, read.Status.Detail));
        var save = new SaveDefinitionTextsRequest { CommuneInseeCode = AgentDemarche.Commune, DemarcheId = demarche.Id, BasedOnVersion = 1 };
        save.Texts["titre"] = "Titre de Pontoise";
        var changed = await Assert.ThrowsAsync<RpcException>(() => demarche.Catalogue.SaveDefinitionTextsAsync(save, other, CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, changed.StatusCode);

        var texts = await demarche.Catalogue.GetDefinitionTextsAsync(new GetDefinitionRequest { CommuneInseeCode = AgentDemarche.Commune, DemarcheId = demarche.Id },
            demarche.Agent, CloudApi.Deadline);
        Assert.Equal((1, demarche.Title), (texts.Version, texts.Texts.Single(t => t.Key == "titre").Value));
    });

    [Fact]
    public Task The_texts_form_and_its_error_pass_axe_core_and_keep_to_the_content_security_policy() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });
        var breaches = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) breaches.Add(message.Text);
        };

        await page.GotoAsync(new Uri(await platform.PortalAsync(), TextsPage(demarche)).ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(AgentDemarche.AgentEmail);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.AgentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Textes de la démarche « {demarche.Title} »", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the texts form");

        await page.GetByLabel("Titre de la démarche", new() { Exact = true }).FillAsync("");
        await page.GetByLabel("Modèle « attestation » — texte (facultatif)", new() { Exact = true }).FillAsync("Objet : {{objet}}\nFait à Argenteuil.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les textes" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Titre de la démarche : ce texte ne peut pas être vide.");
        await Expect(page.GetByLabel("Modèle « attestation » — texte (facultatif)", new() { Exact = true })).ToHaveValueAsync("Objet : {{objet}}\nFait à Argenteuil.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the texts form with an error");

        await page.GetByLabel("Titre de la démarche", new() { Exact = true }).FillAsync("Location de la salle des fêtes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les textes" }).ClickAsync();
        await Expect(page.Locator("#fait")).ToHaveTextAsync("Version 2 enregistrée.");
        Assert.Contains("\"body\": \"Objet : {{objet}}\\nFait à Argenteuil.\"", (await demarche.DefinitionAsync()).Json);

        Assert.True(breaches.Count == 0, "The browser reports breaches of the Content-Security-Policy:\n" + string.Join("\n", breaches));
    });

    /// <summary>Sends the texts form of the page with these texts typed (the others are not sent, and stay).</summary>
    private static Task<WebPage> Send(AgentDesk agent, WebPage page, params (string Key, string Value)[] texts) =>
        agent.SubmitAsync(page, texts[0].Key, null, texts.ToDictionary(t => t.Key, t => t.Value));

    private static string Done(WebPage page)
    {
        var notice = Markup.Tags(page.Html, "div").SingleOrDefault(d => d["id"] == "fait")
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} says nothing was done:\n{page.Text}");
        return Markup.Text(page.Html[notice.End..Markup.EndOf(page.Html, notice)]);
    }

    private static string FormVersion(WebPage page) => Markup.Tags(page.Html, "form").Single(f => f["id"] == "textes")["data-version"]!;

    /// <summary>The id of the control that sends the text of that key.</summary>
    private static string IdOf(WebPage page, string key) =>
        Markup.Tags(page.Html, "input").Concat(Markup.Tags(page.Html, "textarea")).Single(c => c["name"] == key)["id"]!;

    private static string Value(WebPage page, string key) =>
        Markup.Tags(page.Html, "input").SingleOrDefault(c => c["name"] == key)?["value"] ?? TextArea(page, key);

    private static string TextArea(WebPage page, string key) => AgentPages.TextArea(page, IdOf(page, key)).ReplaceLineEndings("\n");

    private static string LabelOf(WebPage page, string key)
    {
        var label = Markup.Tags(page.Html, "label").Single(l => l["for"] == IdOf(page, key));
        return page.Html[label.End..Markup.EndOf(page.Html, label)];
    }
}

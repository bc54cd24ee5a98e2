using System.Net;
using System.Text;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A commune's catalogue on /Admin/Demarches/Catalogue, over plain HTTP against the real cloud: a
/// definition file that does not hold (a state no move reaches), or that is no JSON, is refused with
/// its problems in French and saves nothing; an edit that holds makes the next version while a
/// request filed before keeps its own; the file exports as «{id}-v{n}.json»; «Proposée» turns on and off.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentCataloguePageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static string Catalogue => $"/Admin/Demarches/Catalogue?commune={AgentDemarche.Commune}";

    [Fact]
    public Task An_invalid_definition_file_is_refused_with_its_problem_and_the_version_is_unchanged() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        var unreachable = await agent.UploadAsync(Catalogue, "fichier", $"{demarche.Id}.json", Encoding.UTF8.GetBytes(AgentDefinitions.WithUnreachableState(demarche.Tag)));

        Assert.Equal(HttpStatusCode.OK, unreachable.Status);
        Assert.Equal([AgentDefinitions.UnreachableProblem], AgentPages.ProblemsNextTo(unreachable, "fichier"));
        Assert.Equal([AgentDefinitions.UnreachableProblem], DossierPages.ErrorSummary(unreachable));
        Assert.Equal((1, true), AgentPages.CatalogueEntry(unreachable, demarche.Id));
        var current = await demarche.DefinitionAsync();
        Assert.Equal((1, 1), (current.Version, current.History.Count));

        var notJson = await agent.UploadAsync(Catalogue, "fichier", "photo.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Assert.Equal(["Le fichier « photo.json » n'est pas un texte JSON (UTF-8) : choisissez un fichier .json, exporté d'une démarche."],
            AgentPages.ProblemsNextTo(notJson, "fichier"));
        var broken = await agent.UploadAsync(Catalogue, "fichier", "casse.json", Encoding.UTF8.GetBytes("{ \"id\": \"essai\", "));
        Assert.Single(AgentPages.ProblemsNextTo(broken, "fichier"), p => p.StartsWith("Le fichier n'est pas un JSON lisible (ligne 1)", StringComparison.Ordinal));
        var csv = await agent.UploadAsync(Catalogue, "fichier", "familles.csv", Encoding.UTF8.GetBytes("nom;prenom\n"), "text/csv");
        Assert.Equal(["Le fichier « familles.csv » n'est pas un fichier de définition : choisissez un fichier .json, exporté d'une démarche."],
            AgentPages.ProblemsNextTo(csv, "fichier"));
        var tooLarge = await agent.UploadAsync(Catalogue, "fichier", "enorme.json", Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024) + "{}"));
        Assert.Equal(["Le fichier « enorme.json » est trop volumineux (1 Mo) : un fichier de définition fait au plus 1 Mo."], AgentPages.ProblemsNextTo(tooLarge, "fichier"));
        Assert.Equal(1, (await demarche.DefinitionAsync()).Version);

        // The same through the editor: the problem next to the text, which stays as typed.
        var editor = await agent.GetAsync($"/Admin/Demarches/Catalogue/Definition?commune={AgentDemarche.Commune}&id={demarche.Id}");
        var edited = AgentDefinitions.WithUnreachableState(demarche.Tag);
        var refused = await agent.SubmitAsync(editor, "definition", null, new Dictionary<string, string> { ["definition"] = edited });
        Assert.Equal([AgentDefinitions.UnreachableProblem], AgentPages.ProblemsNextTo(refused, "definition"));
        Assert.Equal(edited.ReplaceLineEndings("\n"), AgentPages.TextArea(refused, "definition").ReplaceLineEndings("\n"));
        Assert.Equal((1, 1, false), AgentPages.Definition(refused));
        Assert.Equal(1, (await demarche.DefinitionAsync()).Version);
    });

    [Fact]
    public Task A_valid_edit_makes_the_next_version_and_a_request_filed_before_keeps_its_own() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var before = (await demarche.FileAsync(demarche.Named("Leroy"))).Line.Reference;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var definitionPage = $"/Admin/Demarches/Catalogue/Definition?commune={AgentDemarche.Commune}&id={demarche.Id}";
        var editor = await agent.GetAsync(definitionPage);
        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Equal((1, 1, false), AgentPages.Definition(editor));
        Assert.Equal(demarche.Saved.Json.ReplaceLineEndings("\n"), AgentPages.TextArea(editor, "definition").ReplaceLineEndings("\n"));

        var renamed = $"Réservation d'essai {demarche.Tag}";
        var saved = await agent.SubmitAsync(editor, "definition", null, new Dictionary<string, string> { ["definition"] = AgentDefinitions.Valid(demarche.Tag, renamed) });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(DossierPages.ErrorSummary(saved));
        Assert.Contains("La version 2 est enregistrée : les nouvelles demandes la suivent, celles déjà déposées gardent la leur.", saved.Text);
        Assert.Equal((2, 2, false), AgentPages.Definition(saved));
        Assert.Equal(["2", "1"], Markup.Tags(saved.Html, "tr").Select(tr => tr["data-version"]).OfType<string>());
        Assert.Equal((2, true), AgentPages.CatalogueEntry(await agent.GetAsync(Catalogue), demarche.Id));

        // The request filed before keeps version 1 and its title; a new one follows version 2.
        var old = await demarche.RequestAsync(before);
        Assert.Equal((1, demarche.Title), (old.DefinitionVersion, old.Line.Title));
        Assert.Contains("Version de la démarche 1", (await agent.GetAsync($"/Admin/Demarches/Demande/{before}")).Text);
        var after = await demarche.FileAsync(demarche.Named("Leroy"));
        Assert.Equal((2, renamed), (after.DefinitionVersion, after.Line.Title));

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(definitionPage + "&version=3")).Status);

        // The first version stays readable, read-only, and exports under its number.
        var first = await agent.GetAsync(definitionPage + "&version=1");
        Assert.Equal((1, 2, true), AgentPages.Definition(first));
        Assert.Contains("Version 1 (ancienne version, en lecture seule)", first.Text);
        var readOnly = Markup.Tags(first.Html, "textarea").Single(t => t["id"] == "definition");
        Assert.True(readOnly.Attributes.ContainsKey("readonly") && readOnly["name"] is null, "An older version is read, never sent back.");
        Assert.Equal(demarche.Saved.Json.ReplaceLineEndings("\n"), AgentPages.TextArea(first, "definition").ReplaceLineEndings("\n"));
        var exported = await agent.DownloadAsync($"/Admin/Demarches/Catalogue/Definition?handler=Export&commune={AgentDemarche.Commune}&id={demarche.Id}&version=1");
        Assert.Equal((HttpStatusCode.OK, "application/json", $"{demarche.Id}-v1.json"), (exported.Status, exported.MediaType, exported.FileName));
        Assert.Equal(demarche.Saved.Json, Encoding.UTF8.GetString(exported.Bytes));

        // Saving the same file again makes no version.
        var same = await agent.SubmitAsync(await agent.GetAsync(definitionPage), "definition", null, new Dictionary<string, string> { ["definition"] = AgentDefinitions.Valid(demarche.Tag, renamed) });
        Assert.Contains("Rien n'a changé : la version 2 reste en vigueur.", same.Text);
    });

    [Fact]
    public Task A_demarche_is_offered_or_not_with_a_button_and_the_counter_lists_only_those_offered() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var page = await agent.GetAsync(Catalogue);
        Assert.Equal((1, true), AgentPages.CatalogueEntry(page, demarche.Id));
        Assert.Contains(Markup.Tags((await agent.GetAsync($"/Admin/Demarches/Guichet?commune={AgentDemarche.Commune}")).Html, "option"), o => o["value"] == demarche.Id);

        var off = await agent.SubmitAsync(page, "demarche", demarche.Id);

        Assert.Contains($"« {demarche.Title} » n'est plus proposée aux habitants : les demandes déjà déposées suivent leur cours.", off.Text);
        Assert.Equal((1, false), AgentPages.CatalogueEntry(off, demarche.Id));
        Assert.DoesNotContain(Markup.Tags((await agent.GetAsync($"/Admin/Demarches/Guichet?commune={AgentDemarche.Commune}")).Html, "option"), o => o["value"] == demarche.Id);

        var on = await agent.SubmitAsync(off, "demarche", demarche.Id);
        Assert.Contains($"« {demarche.Title} » est proposée aux habitants.", on.Text);
        Assert.Equal((1, true), AgentPages.CatalogueEntry(on, demarche.Id));
    });
}

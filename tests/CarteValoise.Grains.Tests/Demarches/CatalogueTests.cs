using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Grains.Tests.Demarches;

[Collection(ClusterCollection.Name)]
public sealed class CatalogueTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_commune_starts_with_the_built_in_catalogue_all_offered_in_version_1()
    {
        var desk = new DemarcheDesk(fixture);

        var entries = await desk.Catalogue.List();

        Assert.Equal(BuiltInCatalogue.All().Select(d => d.Id), entries.Select(e => e.DemarcheId));
        Assert.All(entries, entry => Assert.Equal((1, true, "CarteValoise"), (entry.CurrentVersion, entry.Enabled, entry.UpdatedBy)));
        var acte = Assert.Single(entries, e => e.DemarcheId == DemarcheDesk.ActeNaissance);
        var builtIn = BuiltInCatalogue.All().Single(d => d.Id == DemarcheDesk.ActeNaissance);
        Assert.Equal((builtIn.Title, builtIn.Summary, builtIn.Category), (acte.Title, acte.Summary, acte.Category));
        var version = Assert.Single(await desk.Catalogue.History(DemarcheDesk.ActeNaissance));
        Assert.Equal(DefinitionFile.Write(builtIn with { Version = 1 }), version.Json);
    }

    [Fact]
    public async Task A_built_in_the_commune_never_edited_follows_the_catalogue_and_one_it_edited_keeps_its_own()
    {
        var desk = new DemarcheDesk(fixture);
        var builtIn = await desk.Definition();
        // An older built-in, as a commune seeded before the catalogue changed holds it.
        var older = await desk.Catalogue.Save(DefinitionFile.Write(builtIn with { Summary = "Résumé d'une version plus ancienne." }), CommuneDemarchesGrain.BuiltInAuthor);
        var edited = await desk.Catalogue.Save(DefinitionFile.Write((await desk.Definition("acte-deces")) with { Title = "Acte de décès (texte de la commune)" }), "Agent Dupont");

        await fixture.Cluster.DeactivateAsync(desk.Catalogue.GetGrainId());

        var history = await desk.Catalogue.History(DemarcheDesk.ActeNaissance);
        Assert.Equal([1, 2, 3], history.Select(v => v.Version));
        Assert.Equal(older.Json, history[1].Json);
        Assert.Equal((CommuneDemarchesGrain.BuiltInAuthor, DefinitionFile.Write(builtIn with { Version = 3 })), (history[2].SavedBy, history[2].Json));
        Assert.Equal(3, Assert.Single(await desk.Catalogue.List(), e => e.DemarcheId == DemarcheDesk.ActeNaissance).CurrentVersion);
        Assert.Equal(edited, (await desk.Catalogue.History("acte-deces"))[^1]);

        // Nothing new at the next activation: the commune already follows the catalogue.
        await fixture.Cluster.DeactivateAsync(desk.Catalogue.GetGrainId());
        Assert.Equal(3, (await desk.Catalogue.History(DemarcheDesk.ActeNaissance)).Count);
    }

    [Fact]
    public async Task An_edit_is_a_new_version_numbered_by_the_commune_and_the_same_file_again_is_none()
    {
        var desk = new DemarcheDesk(fixture);
        var current = await desk.Definition();
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        // The file's own number is not the commune's: an import from a commune at version 7 is version 2 here.
        var saved = await desk.Catalogue.Save(DefinitionFile.Write(current with { Version = 7, Title = "Copie d'acte de naissance" }), " Agent Dupont ");

        Assert.Equal((2, "Agent Dupont", fixture.Time.GetUtcNow()), (saved.Version, saved.SavedBy, saved.SavedAt));
        Assert.Equal(2, DefinitionFile.Parse(saved.Json).Version);
        var again = await desk.Catalogue.Save(DefinitionFile.Write(current with { Version = 1, Title = "Copie d'acte de naissance" }), "Agent Martin");
        Assert.Equal(saved, again);
        Assert.Equal([1, 2], (await desk.Catalogue.History(DemarcheDesk.ActeNaissance)).Select(v => v.Version));
        var entry = Assert.Single(await desk.Catalogue.List(), e => e.DemarcheId == DemarcheDesk.ActeNaissance);
        Assert.Equal(("Copie d'acte de naissance", 2, "Agent Dupont"), (entry.Title, entry.CurrentVersion, entry.UpdatedBy));
        Assert.Equal(current.Title, (await desk.Definition(version: 1)).Title);
        Assert.Null(await desk.Catalogue.Get(DemarcheDesk.ActeNaissance, 3));
    }

    [Fact]
    public async Task A_new_id_is_a_new_demarche_offered_at_once()
    {
        var desk = new DemarcheDesk(fixture);
        var model = await desk.Definition();

        var saved = await desk.Catalogue.Save(DefinitionFile.Write(model with { Id = "acte-naissance-bis", Title = "Acte de naissance (bis)" }), "Agent Dupont");

        Assert.Equal(("acte-naissance-bis", 1), (saved.DemarcheId, saved.Version));
        var entries = await desk.Catalogue.List();
        Assert.Equal("acte-naissance-bis", entries[^1].DemarcheId);
        Assert.True(entries[^1].Enabled);
        Assert.Equal(BuiltInCatalogue.All().Count + 1, entries.Count);
    }

    [Fact]
    public async Task A_definition_with_an_unreachable_state_is_refused_and_nothing_is_saved()
    {
        var desk = new DemarcheDesk(fixture);
        var model = await desk.Definition();
        var broken = model with { Workflow = model.Workflow with { States = [.. model.Workflow.States, new WorkflowState("oubliee", "Oubliée", StateKind.Open)] } };

        var refused = await Assert.ThrowsAsync<InvalidDemarcheException>(() => desk.Catalogue.Save(DefinitionFile.Write(broken), "Agent Dupont"));

        Assert.Equal(
        [
            new DemarcheProblem("definition", $"L'état « oubliee » n'est atteignable par aucun mouvement depuis « {model.Workflow.Initial} »."),
            new DemarcheProblem("definition", "L'état « oubliee » n'a aucun mouvement pour en sortir : une demande y resterait pour toujours."),
        ], refused.Problems);
        Assert.Single(await desk.Catalogue.History(DemarcheDesk.ActeNaissance));
        var notJson = await Assert.ThrowsAsync<InvalidDemarcheException>(() => desk.Catalogue.Save("{ \"id\": ", "Agent Dupont"));
        Assert.Equal("definition", Assert.Single(notJson.Problems).Field);
        Assert.Equal(BuiltInCatalogue.All().Count, (await desk.Catalogue.List()).Count);
    }

    [Fact]
    public async Task A_demarche_turned_off_stays_in_the_catalogue_and_turning_it_off_again_changes_nothing()
    {
        var desk = new DemarcheDesk(fixture);
        await desk.Catalogue.List();
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var offAt = fixture.Time.GetUtcNow();

        var off = await desk.Catalogue.SetEnabled(DemarcheDesk.ActeNaissance, false, "Agent Dupont");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await desk.Catalogue.SetEnabled(DemarcheDesk.ActeNaissance, false, "Agent Martin");

        Assert.Equal((false, offAt, "Agent Dupont", 1), (off.Enabled, off.UpdatedAt, off.UpdatedBy, off.CurrentVersion));
        Assert.Equal(off, again);
        Assert.Equal(off, Assert.Single(await desk.Catalogue.List(), e => e.DemarcheId == DemarcheDesk.ActeNaissance));
        Assert.True((await desk.Catalogue.SetEnabled(DemarcheDesk.ActeNaissance, true, "Agent Martin")).Enabled);
        var unknown = await Assert.ThrowsAsync<DemarcheRefusedException>(() => desk.Catalogue.SetEnabled("permis-de-voler", false, "Agent Dupont"));
        Assert.Equal("La démarche « permis-de-voler » n'existe pas dans cette commune.", unknown.Message);
    }

    [Fact]
    public async Task Editing_a_demarche_never_changes_a_request_already_submitted()
    {
        var desk = new DemarcheDesk(fixture);
        var submitted = await desk.Submit();
        var v1 = await desk.Definition();
        var initialLabel = v1.Workflow.State(v1.Workflow.Initial)!.Label;
        var renamed = v1.Workflow.States.Select(s => s.Id == v1.Workflow.Initial ? s with { Label = "Reçue en mairie" } : s).ToList();
        await desk.Catalogue.Save(DefinitionFile.Write(v1 with { Workflow = v1.Workflow with { States = renamed } }), "Agent Dupont");

        var assigned = await desk.Request(submitted.Reference).Assign("op-1", DemarcheDesk.Agent("Agent Dupont"), "Agent Dupont", "Agent Dupont");
        var later = await desk.Submit("Paul Durand");

        Assert.Equal(1, assigned.Submission.Version);
        Assert.Equal(2, later.Submission.Version);
        var lines = (await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines;
        Assert.Equal(["Reçue en mairie", initialLabel], lines.Select(l => l.StateLabel));
        Assert.Equal([later.Reference, submitted.Reference], lines.Select(l => l.Reference));
    }
}

using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Tests.Demarches.Catalogue;

public sealed class BuiltInCatalogueTests
{
    [Theory]
    [MemberData(nameof(CatalogueFiles.EachId), MemberType = typeof(CatalogueFiles))]
    public void Each_built_in_file_reads_and_holds_together(string id)
    {
        var definition = DefinitionFile.Read(CatalogueFiles.Text(id));

        // Every problem at once, so that a broken file says all it has to mend.
        Assert.Empty(DefinitionChecks.Problems(definition).Select(problem => problem.Message));
        Assert.Equal(id, definition.Id);
        Assert.Equal(1, definition.Version);
        Assert.Equal(definition.Id, DefinitionFile.Parse(CatalogueFiles.Text(id)).Id);
    }

    [Fact]
    public void The_catalogue_holds_the_eleven_demarches_by_category_then_title()
    {
        var all = BuiltInCatalogue.All();

        Assert.Equal(CatalogueFiles.Ids.Order(), all.Select(definition => definition.Id).Order());
        Assert.Equal(
        [
            ("Culture et loisirs", "Inscription à la médiathèque"),
            ("Culture et loisirs", "Inscription au conservatoire"),
            ("Enfance et école", "Inscription à la cantine et au périscolaire"),
            ("Enfance et école", "Inscription scolaire"),
            ("État civil", "Demande d'acte de décès"),
            ("État civil", "Demande d'acte de mariage"),
            ("État civil", "Demande d'acte de naissance"),
            ("Famille", "Modification du dossier famille"),
            ("Urbanisme", "Certificat d'urbanisme d'information (CUa)"),
            ("Urbanisme", "Déclaration préalable de travaux"),
            ("Vie locale", "Réservation d'une salle municipale"),
        ], all.Select(definition => (definition.Category, definition.Title)));
        Assert.Same(all, BuiltInCatalogue.All());
    }

    [Theory]
    [MemberData(nameof(CatalogueFiles.EachId), MemberType = typeof(CatalogueFiles))]
    public void A_built_in_written_out_reads_back_the_same(string id)
    {
        var written = DefinitionFile.Write(CatalogueFiles.Definition(id));

        var again = DefinitionFile.Parse(written);

        Assert.Equal(written, DefinitionFile.Write(again));
        Assert.Equal(Shape(CatalogueFiles.Definition(id)), Shape(again));
    }

    // Records compare their lists by reference: the shape is told as text.
    private static IEnumerable<string> Shape(DemarcheDefinition definition) => definition.AllFields().Select(field =>
        $"{field.Id} {field.Kind} {field.Required} {field.Prefill} {field.DocumentType} {field.Rule} "
        + $"{field.Condition?.FieldId} {field.Condition?.Operator} {string.Join("|", field.Condition?.Values ?? [])} "
        + string.Join("|", (field.Options ?? []).Select(option => option.Value + "=" + option.Label)));

    [Fact]
    public void Every_kind_of_field_is_asked_somewhere()
    {
        var used = BuiltInCatalogue.All().SelectMany(definition => definition.AllFields()).Select(field => field.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<FieldKind>(), Enum.GetValues<FieldKind>().Where(used.Contains));
    }

    // The keys the household prefill gives (HouseholdPrefillReader): a misspelt key would fill nothing, silently.
    private static readonly string[] PrefillKeys =
    [
        "demandeur.prenom", "demandeur.nom", "demandeur.date-naissance", "demandeur.courriel", "demandeur.telephone",
        "demandeur.employeur", "demandeur.caf", "adresse.voie", "adresse.code-postal", "adresse.ville", "commune.insee", "commune.nom",
    ];

    [Theory]
    [MemberData(nameof(CatalogueFiles.EachId), MemberType = typeof(CatalogueFiles))]
    public void Prefill_keys_are_the_household_prefills(string id)
    {
        var prefills = CatalogueFiles.Definition(id).AllFields().Where(field => field.Prefill is not null).Select(field => field.Prefill!);

        Assert.All(prefills, key => Assert.Contains(key, PrefillKeys));
    }

    [Fact]
    public void The_urbanism_plans_are_asked_as_their_own_document_kinds()
    {
        var declaration = CatalogueFiles.Definition("declaration-prealable-travaux");

        Assert.Equal(
        [
            ("dp1", "Plan de situation"), ("dp2", "Plan de masse"), ("dp3", "Plan en coupe"), ("dp4", "Plan des façades et des toitures"),
            ("dp6", "Insertion graphique du projet"), ("dp7", "Photographie du terrain"), ("dp8", "Photographie du terrain"),
        ], declaration.RequiredDocuments().Select(field => (field.Id, DocumentKinds.Find(field.DocumentType)!.Label)));
        Assert.Equal("plan-situation", CatalogueFiles.Definition("certificat-urbanisme-information").RequiredDocuments().Single().DocumentType);
        Assert.Equal("attestation-assurance", CatalogueFiles.Definition("reservation-salle").RequiredDocuments().Single().DocumentType);
    }

    [Fact]
    public void The_new_document_kinds_say_how_long_they_hold()
    {
        Assert.All(new[] { "plan-situation", "plan-masse", "plan-coupe", "plan-facades", "insertion-graphique", "photographie" }, code =>
        {
            var kind = DocumentKinds.Find(code)!;
            Assert.StartsWith("sans limite de validité", kind.ValidityText);
            Assert.False(kind.DateRequired);
            Assert.Null(kind.ValidUntil(new DateOnly(2020, 1, 1)));
        });
        var insurance = DocumentKinds.Find("attestation-assurance")!;
        Assert.True(insurance.AsksExpiryDate);
        Assert.Equal(new DateOnly(2027, 6, 30), insurance.ValidUntil(new DateOnly(2027, 6, 30)));
        Assert.Equal("Fin de la période de garantie", insurance.DateLabel);
    }

    /// <summary>The same state and move ids everywhere, so that agents and the pages find their bearings in any démarche.</summary>
    [Theory]
    [MemberData(nameof(CatalogueFiles.EachId), MemberType = typeof(CatalogueFiles))]
    public void Every_demarche_goes_through_the_same_states_and_moves(string id)
    {
        var workflow = CatalogueFiles.Definition(id).Workflow;

        Assert.Equal("deposee", workflow.Initial);
        Assert.Equal(
        [
            ("deposee", StateKind.Open), ("en-instruction", StateKind.Open), ("complement-demande", StateKind.AwaitingCitizen),
            ("acceptee", StateKind.Accepted), ("refusee", StateKind.Refused), ("retiree", StateKind.Closed), ("classee", StateKind.Closed),
        ], workflow.States.Select(state => (state.Id, state.Kind)));
        Assert.Equal(["instruire", "demander-complement", "repondre", "accepter", "refuser", "retirer", "classer"], workflow.Moves.Select(move => move.Id));
        Assert.All(workflow.Moves.Where(move => move.Id is "demander-complement" or "refuser"), move => Assert.True(move.RequiresReason));
    }

    /// <summary>A complement never sent ends the request when its deadline passes, by the platform alone, and the citizen is mailed why.</summary>
    [Theory]
    [MemberData(nameof(CatalogueFiles.EachId), MemberType = typeof(CatalogueFiles))]
    public void A_complement_never_sent_is_classed_by_the_platform_when_its_deadline_passes(string id)
    {
        var workflow = CatalogueFiles.Definition(id).Workflow;

        var classer = Assert.Single(WorkflowRules.MovesFor(workflow, "complement-demande", Actor.System));
        Assert.Equal(("classer", "Classer sans suite", "classee", "Classée sans suite", MoveNotice.Email),
            (classer.Id, classer.Label, classer.To, workflow.State(classer.To)!.Label, classer.Notice));
        Assert.Equal($"Sans réponse de votre part dans le délai de {workflow.State("complement-demande")!.DeadlineDays} jours, votre demande {{{{reference}}}} est classée sans suite. Vous pouvez déposer une nouvelle demande.",
            classer.NoticeText);
        Assert.Equal([classer], workflow.Moves.Where(move => move.Actors.Contains(Actor.System)));
        Assert.Equal("Seule la plateforme peut « Classer sans suite ».", WorkflowRules.Refusal(workflow, "complement-demande", "classer", Actor.Agent, null));
    }
}

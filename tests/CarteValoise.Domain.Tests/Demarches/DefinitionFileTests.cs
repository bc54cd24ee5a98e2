using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class DefinitionFileTests
{
    [Fact]
    public void A_valid_file_is_read_with_its_pages_fields_workflow_and_templates()
    {
        var definition = SampleDemarche.Definition();

        Assert.Equal("acte-naissance", definition.Id);
        Assert.Equal(3, definition.Version);
        Assert.Equal("Demande d'acte de naissance", definition.Title);
        Assert.Equal("État civil", definition.Category);
        Assert.Equal(15, definition.ProcessingDays);
        Assert.Equal(["acte", "filiation", "contact", "presents"], definition.Pages.Select(page => page.Id));
        var usages = definition.AllFields().Single(field => field.Id == "usages");
        Assert.Equal(FieldKind.MultiChoice, usages.Kind);
        Assert.False(usages.Required);
        Assert.Equal(["passeport", "mariage", "autre"], usages.Options!.Select(option => option.Value));
        Assert.Equal(new FieldRule(Min: 1, Max: 10), definition.AllFields().Single(field => field.Id == "exemplaires").Rule);
        Assert.Equal(("type-acte", ConditionOperator.NotEquals), (definition.Pages[1].Condition!.FieldId, definition.Pages[1].Condition!.Operator));
        Assert.Equal(["extrait-sans-filiation"], definition.Pages[1].Condition!.Values!);
        var group = definition.AllFields().Single(field => field.Id == "personnes");
        Assert.Equal((0, 3), (group.MinItems, group.MaxItems));
        Assert.Equal(["prenom", "majeur", "responsable"], group.Fields!.Select(field => field.Id));
        Assert.Equal(10, definition.AllFields().Single(field => field.Id == "motif-demande").MaxItems);
        Assert.Equal(new WorkflowState("complement", "En attente d'un complément", StateKind.AwaitingCitizen, 30), definition.Workflow.State("complement"));
        var accept = definition.Workflow.Move("accepter")!;
        Assert.Equal((MoveNotice.Email, "copie-acte", false), (accept.Notice, accept.Template, accept.RequiresReason));
        Assert.Equal([Actor.System], definition.Workflow.Move("classer")!.Actors);
        Assert.Equal(["piece"], definition.RequiredDocuments().Select(field => field.Id));
    }

    [Fact]
    public void A_written_file_reads_back_the_same_definition()
    {
        var definition = SampleDemarche.Definition();

        var written = DefinitionFile.Write(definition);

        Assert.Equal(written, DefinitionFile.Write(DefinitionFile.Parse(written)));
        Assert.Contains("\"kind\": \"multiChoice\"", written);
        Assert.Contains("\"kind\": \"awaitingCitizen\"", written);
        Assert.Contains("\"actors\": [\n", written.ReplaceLineEndings("\n"));
        Assert.Contains("\"agent\"", written);
        Assert.Contains("\"operator\": \"notEquals\"", written);
        Assert.Contains("\"category\": \"État civil\"", written);
        Assert.DoesNotContain("\"prefill\": null", written);
    }

    [Fact]
    public void Absent_optional_properties_take_the_records_defaults()
    {
        var definition = DefinitionFile.Parse("""
            { "id": "salle", "title": "Réservation d'une salle",
              "pages": [ { "id": "salle", "title": "La salle", "fields": [ { "id": "nom", "label": "Nom", "kind": "text", "help": null } ] } ],
              "workflow": { "initial": "deposee",
                "states": [ { "id": "deposee", "label": "Déposée", "kind": "open" }, { "id": "acceptee", "label": "Acceptée", "kind": "accepted" } ],
                "moves": [ { "id": "accepter", "label": "Accepter", "from": ["deposee"], "to": "acceptee", "actors": ["agent"] } ] } }
            """);

        Assert.Equal((1, "", "", 0, 0), (definition.Version, definition.Summary, definition.Category, definition.Templates.Count, definition.ProcessingDays));
        Assert.Equal(new FormField("nom", "Nom", FieldKind.Text), definition.Pages[0].Fields[0]);
        Assert.Equal(new WorkflowMove("accepter", "Accepter", definition.Workflow.Moves[0].From, "acceptee", definition.Workflow.Moves[0].Actors),
            definition.Workflow.Moves[0]);
        Assert.Null(definition.Workflow.State("deposee")!.DeadlineDays);
    }

    [Theory]
    [InlineData("{\n  \"id\": \"salle\",\n  \"title\": \"Salle\"\n  \"pages\": []\n}",
        "Le fichier n'est pas un JSON lisible (ligne 4) : une virgule, un guillemet, un crochet ou une accolade manque ou est en trop vers la colonne 3.")]
    [InlineData("   ", "Le fichier est vide : il doit décrire une démarche en JSON.")]
    [InlineData("[1, 2]", "Le fichier ne décrit pas une démarche : il doit contenir un objet JSON { … }.")]
    [InlineData("{ \"id\": \"salle\" }", "La démarche n'a pas de « title ».")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"pages\": {} }", "La démarche : « pages » doit être une liste [ … ].")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"version\": \"deux\" }", "La démarche : « version » doit être un nombre entier.")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"pages\": [ { \"id\": \"demandeur\", \"title\": \"Vous\", \"fields\": [ { \"id\": \"nom\", \"label\": \"Nom\", \"kind\": \"texte\" } ] } ] }",
        "La page « demandeur » : le champ « nom » a un type inconnu « texte » (connus : text, longText, number, date, choice, multiChoice, address, email, phone, child, group, document).")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"pages\": [ { \"id\": \"demandeur\", \"title\": \"Vous\", \"fields\": [ { \"id\": \"nom\", \"kind\": \"text\" } ] } ] }",
        "La page « demandeur » : le champ « nom » n'a pas de « label ».")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"pages\": [ { \"id\": \"demandeur\", \"title\": \"Vous\", \"fields\": [ { \"label\": \"Nom\", \"kind\": \"text\" } ] } ] }",
        "La page « demandeur » : le champ n°1 n'a pas de « id ».")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"pages\": [ { \"id\": \"demandeur\", \"title\": \"Vous\", \"fields\": [ { \"id\": \"nom\", \"label\": \"Nom\", \"kind\": \"text\", \"condition\": { \"fieldId\": \"age\", \"operator\": \"egal\" } } ] } ] }",
        "La page « demandeur » : le champ « nom » : la condition a un opérateur inconnu « egal » (connus : equals, notEquals, filled, empty).")]
    [InlineData("{ \"id\": \"salle\", \"title\": \"Salle\", \"pages\": [], \"workflow\": { \"initial\": \"a\", \"states\": [], \"moves\": [ { \"id\": \"m\", \"label\": \"M\", \"from\": [\"a\"], \"to\": \"b\", \"actors\": [\"maire\"] } ] } }",
        "Le mouvement « m » a un acteur inconnu « maire » (connus : citizen, agent, system).")]
    public void A_file_that_cannot_be_read_says_where_in_French(string json, string message)
    {
        var error = Assert.Throws<InvalidDemarcheException>(() => DefinitionFile.Parse(json));

        Assert.Equal([new DemarcheProblem("definition", message)], error.Problems);
    }

    [Fact]
    public void A_file_that_reads_but_does_not_hold_tells_every_problem_at_once()
    {
        var json = SampleDemarche.Json
            .Replace("\"to\": \"complement\"", "\"to\": \"attente\"", StringComparison.Ordinal)
            .Replace("\"fieldId\": \"usages\"", "\"fieldId\": \"usage\"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDemarcheException>(() => DefinitionFile.Parse(json));

        Assert.Equal([
            new DemarcheProblem("definition", "Le champ « usage-autre » dépend du champ « usage », qui n'existe pas."),
            new DemarcheProblem("definition", "Le mouvement « demander-complement » mène à l'état « attente », qui n'existe pas."),
            new DemarcheProblem("definition", "L'état « complement » n'est atteignable par aucun mouvement depuis « deposee »."),
        ], error.Problems);
    }
}

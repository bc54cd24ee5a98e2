using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class FormConditionsTests
{
    private static readonly DemarcheDefinition Sample = SampleDemarche.Definition();

    [Fact]
    public void A_condition_reads_the_answer_it_names()
    {
        var answers = new Dictionary<string, string> { ["type-acte"] = "copie-integrale", ["usages"] = "passeport\nautre", ["vide"] = "  " };

        Assert.True(FormConditions.Holds(null, answers));
        Assert.True(FormConditions.Holds(new FieldCondition("type-acte", ConditionOperator.Equals, ["extrait-filiation", "copie-integrale"]), answers));
        Assert.False(FormConditions.Holds(new FieldCondition("type-acte", ConditionOperator.Equals, ["extrait-filiation"]), answers));
        Assert.False(FormConditions.Holds(new FieldCondition("type-acte", ConditionOperator.NotEquals, ["copie-integrale"]), answers));
        Assert.True(FormConditions.Holds(new FieldCondition("absent", ConditionOperator.NotEquals, ["copie-integrale"]), answers));
        Assert.True(FormConditions.Holds(new FieldCondition("usages", ConditionOperator.Equals, ["autre"]), answers));
        Assert.False(FormConditions.Holds(new FieldCondition("usages", ConditionOperator.Equals, ["mariage"]), answers));
        Assert.True(FormConditions.Holds(new FieldCondition("usages", ConditionOperator.NotEquals, ["mariage"]), answers));
        Assert.True(FormConditions.Holds(new FieldCondition("type-acte", ConditionOperator.Filled), answers));
        Assert.False(FormConditions.Holds(new FieldCondition("vide", ConditionOperator.Filled), answers));
        Assert.True(FormConditions.Holds(new FieldCondition("vide", ConditionOperator.Empty), answers));
        Assert.True(FormConditions.Holds(new FieldCondition("absent", ConditionOperator.Empty), answers));
    }

    [Fact]
    public void A_page_is_shown_only_when_its_condition_holds()
    {
        Assert.Equal(["acte", "filiation", "contact", "presents"],
            FormConditions.ShownPages(Sample, new Dictionary<string, string> { ["type-acte"] = "copie-integrale" }).Select(page => page.Id));
        Assert.Equal(["acte", "contact", "presents"],
            FormConditions.ShownPages(Sample, new Dictionary<string, string> { ["type-acte"] = "extrait-sans-filiation" }).Select(page => page.Id));
    }

    [Fact]
    public void A_field_is_shown_only_when_its_condition_holds_even_for_a_multi_choice()
    {
        Assert.Equal(["type-acte", "motif-demande", "exemplaires", "date-naissance", "usages"],
            FormConditions.ShownFields(Sample, "acte", new Dictionary<string, string> { ["type-acte"] = "copie-integrale" }).Select(field => field.Id));
        Assert.Equal(["type-acte", "exemplaires", "date-naissance", "usages", "usage-autre"],
            FormConditions.ShownFields(Sample, "acte", new Dictionary<string, string> { ["type-acte"] = "extrait-filiation", ["usages"] = "mariage\nautre" })
                .Select(field => field.Id));
        Assert.Empty(FormConditions.ShownFields(Sample, "filiation", new Dictionary<string, string> { ["type-acte"] = "extrait-sans-filiation" }));
    }

    [Fact]
    public void A_condition_on_a_hidden_field_sees_no_answer()
    {
        // «usages» → «usage-autre» → «precision»: when «autre» is unticked, the answer left in «usage-autre» shows nothing further.
        var page = Sample.Pages[0];
        var chained = Sample with
        {
            Pages = [page with { Fields = [.. page.Fields, new FormField("precision", "Précision", FieldKind.Text, Condition: new FieldCondition("usage-autre", ConditionOperator.Filled))] },
                .. Sample.Pages.Skip(1)],
        };
        Assert.Empty(DefinitionChecks.Problems(chained));

        var ticked = new Dictionary<string, string> { ["type-acte"] = "extrait-filiation", ["usages"] = "autre", ["usage-autre"] = "Visa" };
        var unticked = new Dictionary<string, string>(ticked) { ["usages"] = "passeport" };

        Assert.Equal(["type-acte", "exemplaires", "date-naissance", "usages", "usage-autre", "precision"],
            FormConditions.ShownFields(chained, "acte", ticked).Select(field => field.Id));
        Assert.Equal(["type-acte", "exemplaires", "date-naissance", "usages"],
            FormConditions.ShownFields(chained, "acte", unticked).Select(field => field.Id));
    }

    [Fact]
    public void A_page_whose_condition_reads_a_hidden_page_is_hidden_too()
    {
        var chained = Sample with
        {
            Pages = [.. Sample.Pages, new FormPage("pere", "Le père", "", new FieldCondition("nom-pere", ConditionOperator.Filled),
                [new FormField("prenom-pere", "Prénom du père", FieldKind.Text)])],
        };

        Assert.Contains("pere", FormConditions.ShownPages(chained,
            new Dictionary<string, string> { ["type-acte"] = "copie-integrale", ["nom-pere"] = "Martin" }).Select(page => page.Id));
        Assert.DoesNotContain("pere", FormConditions.ShownPages(chained,
            new Dictionary<string, string> { ["type-acte"] = "extrait-sans-filiation", ["nom-pere"] = "Martin" }).Select(page => page.Id));
    }

    [Fact]
    public void A_group_items_fields_read_their_own_item()
    {
        var answers = new Dictionary<string, string>
        {
            ["personnes[0].prenom"] = "Léa", ["personnes[0].majeur"] = "non",
            ["personnes[1].prenom"] = "Paul", ["personnes[1].majeur"] = "oui",
        };

        Assert.Equal(["prenom", "majeur", "responsable"], FormConditions.ShownItemFields(Sample, "personnes", 0, answers).Select(field => field.Id));
        Assert.Equal(["prenom", "majeur"], FormConditions.ShownItemFields(Sample, "personnes", 1, answers).Select(field => field.Id));
        Assert.Empty(FormConditions.ShownItemFields(Sample, "personnes", 2, answers));
    }
}

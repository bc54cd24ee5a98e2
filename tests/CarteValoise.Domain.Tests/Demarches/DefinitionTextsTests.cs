using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class DefinitionTextsTests
{
    [Fact]
    public void Every_text_is_listed_under_a_key_of_ids_with_what_the_agent_reads()
    {
        var texts = DefinitionTexts.Of(SampleDemarche.Definition()).ToDictionary(text => text.Key);

        Assert.Equal(new DefinitionText("titre", "La démarche", "Titre de la démarche", "Demande d'acte de naissance", false, true), texts["titre"]);
        Assert.Equal(("15", false, true), (texts["delai"].Value, texts["delai"].Multiline, texts["delai"].Required));
        Assert.Equal(new DefinitionText("page:acte:titre", "Page « L'acte demandé »", "Page « L'acte demandé » — titre", "L'acte demandé", false, true), texts["page:acte:titre"]);
        Assert.Equal(("Champ « Type d'acte » — libellé", "Type d'acte"), (texts["champ:type-acte:libelle"].Label, texts["champ:type-acte:libelle"].Value));
        Assert.Equal(("Champ « Type d'acte » — choix « copie-integrale »", "Copie intégrale", true),
            (texts["option:type-acte:copie-integrale"].Label, texts["option:type-acte:copie-integrale"].Value, texts["option:type-acte:copie-integrale"].Required));
        Assert.Equal(("Page « Les personnes »", "Prénom"), (texts["champ:prenom:libelle"].Part, texts["champ:prenom:libelle"].Value));
        Assert.Equal("Oui", texts["option:majeur:oui"].Value);
        Assert.Equal(new DefinitionText("etat:complement", "Circuit de traitement : les états", "État « complement » — libellé", "En attente d'un complément", false, true), texts["etat:complement"]);
        Assert.Equal(("Votre demande {{reference}} est acceptée.", true, false),
            (texts["mouvement:accepter:message"].Value, texts["mouvement:accepter:message"].Multiline, texts["mouvement:accepter:message"].Required));
        Assert.False(texts.ContainsKey("mouvement:retirer:message"), "A move that tells the citizen nothing has no message to write.");
        Assert.Equal(("Copie d'acte de naissance", "Modèles de documents"), (texts["modele:copie-acte:titre"].Value, texts["modele:copie-acte:titre"].Part));
        Assert.True(texts["modele:copie-acte:corps"].Multiline);
    }

    [Fact]
    public void Applied_texts_change_only_those_texts_and_the_rest_stays()
    {
        var definition = SampleDemarche.Definition();

        var changed = DefinitionTexts.Apply(definition, new Dictionary<string, string>
        {
            ["titre"] = "  Copie d'acte de naissance  ",
            ["delai"] = "20",
            ["page:acte:aide"] = "Choisissez l'acte.\r\nUne ligne de plus.",
            ["champ:prenom:libelle"] = "Prénom usuel",
            ["option:type-acte:copie-integrale"] = "Copie intégrale de l'acte",
            ["etat:deposee"] = "Reçue",
            ["mouvement:accepter:libelle"] = "Délivrer",
            ["mouvement:accepter:message"] = "Votre acte {{reference}} part ce jour.",
            ["modele:copie-acte:corps"] = "{{commune}}, le {{date}}.",
        });

        Assert.Equal(("Copie d'acte de naissance", 20), (changed.Title, changed.ProcessingDays));
        Assert.Equal("Choisissez l'acte.\nUne ligne de plus.", changed.Pages[0].Help);
        Assert.Equal("Prénom usuel", changed.AllFields().Single(field => field.Id == "prenom").Label);
        Assert.Equal("Copie intégrale de l'acte", changed.AllFields().Single(field => field.Id == "type-acte").Options![0].Label);
        Assert.Equal("Reçue", changed.Workflow.State("deposee")!.Label);
        Assert.Equal(("Délivrer", "Votre acte {{reference}} part ce jour."), (changed.Workflow.Move("accepter")!.Label, changed.Workflow.Move("accepter")!.NoticeText));
        Assert.Equal("{{commune}}, le {{date}}.", changed.Templates[0].Body);
        Assert.Empty(DefinitionChecks.Problems(changed));

        // Everything that is not one of these texts is the same, so the file differs by them only.
        var back = DefinitionTexts.Apply(changed, DefinitionTexts.Of(definition).ToDictionary(text => text.Key, text => text.Value));
        Assert.Equal(DefinitionFile.Write(definition), DefinitionFile.Write(back));
    }

    [Fact]
    public void The_same_texts_give_the_same_definition()
    {
        var definition = SampleDemarche.Definition();

        var same = DefinitionTexts.Apply(definition, DefinitionTexts.Of(definition).ToDictionary(text => text.Key, text => text.Value));

        Assert.Equal(DefinitionFile.Write(definition), DefinitionFile.Write(same));
    }

    [Fact]
    public void An_unknown_key_an_empty_label_a_broken_line_and_a_wrong_delay_are_each_told_under_their_key()
    {
        var definition = SampleDemarche.Definition();

        var refused = Assert.Throws<InvalidDemarcheException>(() => DefinitionTexts.Apply(definition, new Dictionary<string, string>
        {
            ["titre"] = "   ",
            ["champ:nom-pere:libelle"] = "",
            ["etat:deposee"] = "Reçue\nle jour même",
            ["delai"] = "quinze",
            ["champ:inconnu:libelle"] = "Quelque chose",
            ["resume"] = "",
        }));

        Assert.Equal(
        [
            new DemarcheProblem("titre", "Titre de la démarche : ce texte ne peut pas être vide."),
            new DemarcheProblem("champ:nom-pere:libelle", "Champ « Nom du père » — libellé : ce texte ne peut pas être vide."),
            new DemarcheProblem("etat:deposee", "État « deposee » — libellé : ce texte tient sur une seule ligne."),
            new DemarcheProblem("delai", "Délai de traitement annoncé (en jours) : un nombre entier de jours, de 0 à 3650, est attendu (« quinze » n'en est pas un)."),
            new DemarcheProblem("champ:inconnu:libelle", "Le texte « champ:inconnu:libelle » n'existe pas dans la version en vigueur de cette démarche : rechargez la page."),
        ], refused.Problems);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("3651")]
    [InlineData("2,5")]
    public void A_delay_out_of_bounds_is_refused(string delay)
    {
        var refused = Assert.Throws<InvalidDemarcheException>(() =>
            DefinitionTexts.Apply(SampleDemarche.Definition(), new Dictionary<string, string> { ["delai"] = delay }));

        Assert.Equal("delai", Assert.Single(refused.Problems).Field);
    }

    [Fact]
    public void A_message_for_a_move_that_tells_nothing_is_an_unknown_text()
    {
        var refused = Assert.Throws<InvalidDemarcheException>(() =>
            DefinitionTexts.Apply(SampleDemarche.Definition(), new Dictionary<string, string> { ["mouvement:retirer:message"] = "Retirée." }));

        Assert.Equal("mouvement:retirer:message", Assert.Single(refused.Problems).Field);
    }
}

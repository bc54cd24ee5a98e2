using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class AnswerChecksTests
{
    private static readonly DemarcheDefinition Sample = SampleDemarche.Definition();

    [Fact]
    public void Whole_answers_pass()
    {
        Assert.Empty(AnswerChecks.CheckSubmission(Sample, SampleDemarche.Answers(), SampleDemarche.Context()));
        foreach (var page in Sample.Pages)
            Assert.Empty(AnswerChecks.CheckPage(Sample, page.Id, SampleDemarche.Answers(), SampleDemarche.Context()));
    }

    [Theory]
    [InlineData("exemplaires", "0", "« Nombre d'exemplaires » doit valoir au moins 1.")]
    [InlineData("exemplaires", "10,5", "« Nombre d'exemplaires » doit valoir au plus 10.")]
    [InlineData("exemplaires", "deux", "« Nombre d'exemplaires » doit être un nombre, par exemple 12 ou 3,5.")]
    [InlineData("date-naissance", "2026-03-12", "« Date de naissance » doit être une date passée.")]
    [InlineData("date-naissance", "2026-02-30", "« Date de naissance » n'est pas une date valable (jour, mois et année).")]
    [InlineData("date-naissance", "01/05/1990", "« Date de naissance » n'est pas une date valable (jour, mois et année).")]
    [InlineData("type-acte", "copie", "« Type d'acte » : « copie » n'est pas une des réponses proposées.")]
    [InlineData("usages", "passeport\nvisa", "« Usages » : « visa » n'est pas une des réponses proposées.")]
    [InlineData("courriel", "marie.martin@exemple", "« Adresse électronique » : « marie.martin@exemple » n'est pas une adresse électronique valable, par exemple marie.martin@exemple.fr.")]
    [InlineData("telephone", "06 12 34", "« Téléphone » : « 06 12 34 » n'est pas un numéro de téléphone valable : 10 chiffres, par exemple 06 12 34 56 78.")]
    [InlineData("adresse", "12 rue des Écoles\n9500\nCergy", "« Adresse d'envoi » : le code postal « 9500 » doit compter 5 chiffres, par exemple 95000.")]
    [InlineData("adresse", "\n95000\nCergy", "« Adresse d'envoi » : indiquez le numéro et la rue, par exemple 12 rue des Écoles.")]
    [InlineData("adresse", "12 rue des Écoles\n95000\n", "« Adresse d'envoi » : indiquez la commune, par exemple Cergy.")]
    [InlineData("adresse", "12 rue des Écoles, 95000 Cergy", "Indiquez « Adresse d'envoi » : numéro et rue, code postal et commune.")]
    [InlineData("enfant", "enfant-9", "« Enfant concerné » : cet enfant n'est pas dans votre dossier famille.")]
    [InlineData("piece", "doc-edf", "« Pièce d'identité » : le document choisi n'est pas du type « Pièce d'identité ».")]
    [InlineData("piece", "doc-autre", "« Pièce d'identité » : ce document n'est pas parmi vos documents.")]
    [InlineData("piece", "vu-au-guichet", "« Pièce d'identité » : seul un agent, au guichet, peut indiquer une pièce vue sur papier.")]
    [InlineData("usages", "autre", "« Autre usage » doit compter 12 caractères au plus (il en compte 13).", "usage-autre", "Visa Schengen")]
    [InlineData("code", "ab123", "Le code d'accès compte deux lettres puis trois chiffres, par exemple AB123.")]
    [InlineData("code", "XAB123", "Le code d'accès compte deux lettres puis trois chiffres, par exemple AB123.")]
    public void An_answer_out_of_its_rule_is_refused_under_its_key(string key, string answer, string message, string? otherKey = null, string? otherAnswer = null)
    {
        var answers = SampleDemarche.Answers();
        answers[key] = answer;
        if (otherKey is not null) answers[otherKey] = otherAnswer!;

        Assert.Equal([new DemarcheProblem(otherKey ?? key, message)], AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context()));
    }

    [Theory]
    [InlineData("exemplaires", "10")]
    [InlineData("exemplaires", "1,0")]
    [InlineData("date-naissance", "2026-03-11")]
    [InlineData("usages", "passeport\nmariage")]
    [InlineData("telephone", "+33 6 12 34 56 78")]
    [InlineData("telephone", "06.12.34.56.78")]
    [InlineData("enfant", "enfant-1")]
    [InlineData("code", "AB123")]
    [InlineData("motif-demande", " Mariage ")]
    public void An_answer_within_its_rule_passes(string key, string answer)
    {
        var answers = SampleDemarche.Answers();
        answers[key] = answer;

        Assert.Empty(AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context()));
    }

    [Fact]
    public void A_text_without_a_rule_takes_500_characters_and_a_long_text_5000()
    {
        var answers = SampleDemarche.Answers();
        answers["motif-demande"] = new string('a', 501);

        Assert.Equal([new DemarcheProblem("motif-demande", "« Motif » doit compter 500 caractères au plus (il en compte 501).")],
            AnswerChecks.CheckPage(Sample, "acte", answers, SampleDemarche.Context()));
        var longText = new FormField("details", "Détails", FieldKind.LongText);
        var definition = Sample with { Pages = [Sample.Pages[0] with { Fields = [.. Sample.Pages[0].Fields, longText] }, .. Sample.Pages.Skip(1)] };
        answers["motif-demande"] = "Mariage";
        answers["details"] = new string('a', 5000);
        Assert.Empty(AnswerChecks.CheckPage(definition, "acte", answers, SampleDemarche.Context()));
        answers["details"] = new string('a', 5001);
        Assert.Equal([new DemarcheProblem("details", "« Détails » doit compter 5000 caractères au plus (il en compte 5001).")],
            AnswerChecks.CheckPage(definition, "acte", answers, SampleDemarche.Context()));
    }

    [Fact]
    public void Required_fields_left_blank_are_named_in_the_words_of_their_kind()
    {
        var answers = new Dictionary<string, string> { ["type-acte"] = "extrait-sans-filiation", ["exemplaires"] = " " };

        Assert.Equal([
            new DemarcheProblem("exemplaires", "Indiquez « Nombre d'exemplaires »."),
            new DemarcheProblem("date-naissance", "Indiquez « Date de naissance »."),
        ], AnswerChecks.CheckPage(Sample, "acte", answers, SampleDemarche.Context()));
        Assert.Equal([
            new DemarcheProblem("courriel", "Indiquez « Adresse électronique »."),
            new DemarcheProblem("adresse", "Indiquez « Adresse d'envoi » : numéro et rue, code postal et commune."),
            new DemarcheProblem("piece", "Joignez « Pièce d'identité » : choisissez la pièce parmi vos documents, ou ajoutez-la d'abord dans « Mes documents »."),
        ], AnswerChecks.CheckPage(Sample, "contact", answers, SampleDemarche.Context()));
        Assert.Equal([new DemarcheProblem("type-acte", "Choisissez « Type d'acte ».")],
            AnswerChecks.CheckPage(Sample, "acte", new Dictionary<string, string> { ["exemplaires"] = "1", ["date-naissance"] = "1990-05-01" }, SampleDemarche.Context()));
    }

    [Fact]
    public void A_submission_that_skips_a_required_page_names_the_page_and_its_fields()
    {
        var answers = SampleDemarche.Answers();
        answers.Remove("nom-pere");

        Assert.Equal([
            new DemarcheProblem("page:filiation", "La page « Filiation » n'a pas été remplie."),
            new DemarcheProblem("nom-pere", "Indiquez « Nom du père »."),
        ], AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context()));
        answers["nom-mere"] = "Durand";
        Assert.Equal([new DemarcheProblem("nom-pere", "Indiquez « Nom du père ».")],
            AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context()));
    }

    [Fact]
    public void A_page_hidden_by_its_condition_asks_nothing_and_gives_nothing()
    {
        var answers = SampleDemarche.Answers();
        answers["type-acte"] = "extrait-sans-filiation";
        answers.Remove("nom-pere");

        Assert.Empty(AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context()));
        Assert.Equal([new DemarcheProblem("page:filiation", "La page « Filiation » ne concerne pas cette demande, au vu de vos réponses précédentes.")],
            AnswerChecks.CheckPage(Sample, "filiation", answers, SampleDemarche.Context()));
        Assert.Equal([new DemarcheProblem("page:inconnue", "La page « inconnue » n'existe pas dans cette démarche.")],
            AnswerChecks.CheckPage(Sample, "inconnue", answers, SampleDemarche.Context()));
    }

    [Fact]
    public void Each_group_item_is_checked_under_its_own_key()
    {
        var answers = SampleDemarche.Answers();
        answers["personnes[0].prenom"] = "Léa";
        answers["personnes[0].majeur"] = "non";
        answers["personnes[1].majeur"] = "peut-etre";

        Assert.Equal([
            new DemarcheProblem("personnes[0].responsable", "Indiquez « Responsable » (Personne n°1)."),
            new DemarcheProblem("personnes[1].prenom", "Indiquez « Prénom » (Personne n°2)."),
            new DemarcheProblem("personnes[1].majeur", "« Majeur » (Personne n°2) : « peut-etre » n'est pas une des réponses proposées."),
        ], AnswerChecks.CheckPage(Sample, "presents", answers, SampleDemarche.Context()));
    }

    [Fact]
    public void A_group_keeps_its_number_of_items()
    {
        var answers = SampleDemarche.Answers();
        for (var index = 0; index < 4; index++) answers[AnswerValues.ItemKey("personnes", index, "prenom")] = $"Personne {index}";

        Assert.Equal([new DemarcheProblem("personnes", "« Personne » compte 4 éléments : 3 au plus.")],
            AnswerChecks.CheckPage(Sample, "presents", answers, SampleDemarche.Context()));

        var required = Sample with { Pages = [.. Sample.Pages.Take(3), Sample.Pages[3] with { Fields = [Sample.Pages[3].Fields[0] with { Required = true }] }] };
        Assert.Equal([
            new DemarcheProblem("page:presents", "La page « Les personnes » n'a pas été remplie."),
            new DemarcheProblem("personnes", "Ajoutez au moins un élément à « Personne »."),
        ], AnswerChecks.CheckSubmission(required, SampleDemarche.Answers(), SampleDemarche.Context()));
        var twoAtLeast = required with { Pages = [.. Sample.Pages.Take(3), Sample.Pages[3] with { Fields = [Sample.Pages[3].Fields[0] with { MinItems = 2 }] }] };
        answers = SampleDemarche.Answers();
        answers["personnes[0].prenom"] = "Léa";
        Assert.Equal([new DemarcheProblem("personnes", "Ajoutez au moins 2 éléments à « Personne ».")],
            AnswerChecks.CheckSubmission(twoAtLeast, answers, SampleDemarche.Context()));
    }

    [Fact]
    public void At_the_counter_an_agent_may_say_the_paper_was_seen()
    {
        var answers = SampleDemarche.Answers();
        answers["piece"] = AnswerValues.SeenAtCounter;

        Assert.Empty(AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context(atCounter: true)));
        answers.Remove("piece");
        Assert.Equal([new DemarcheProblem("piece", "Joignez « Pièce d'identité », ou indiquez que la pièce a été vue au guichet.")],
            AnswerChecks.CheckSubmission(Sample, answers, SampleDemarche.Context(atCounter: true)));
    }

    [Fact]
    public void Only_shown_fields_answers_are_kept_trimmed()
    {
        var answers = SampleDemarche.Answers();
        answers["type-acte"] = " extrait-sans-filiation ";
        answers["usages"] = " passeport \n\n mariage ";
        answers["usage-autre"] = "caché";
        answers["adresse"] = " 12 rue des Écoles \n 95000\nCergy ";
        answers["telephone"] = "   ";
        answers["inconnu"] = "x";
        answers["personnes[0].prenom"] = " Léa ";
        answers["personnes[0].majeur"] = "oui";
        answers["personnes[0].responsable"] = "caché aussi";

        Assert.Equal(new Dictionary<string, string>
        {
            ["type-acte"] = "extrait-sans-filiation",
            ["exemplaires"] = "2",
            ["date-naissance"] = "1990-05-01",
            ["usages"] = "passeport\nmariage",
            ["courriel"] = "marie.martin@exemple.fr",
            ["adresse"] = "12 rue des Écoles\n95000\nCergy",
            ["piece"] = "doc-cni",
            ["personnes[0].prenom"] = "Léa",
            ["personnes[0].majeur"] = "oui",
        }, AnswerChecks.Kept(Sample, answers));
    }
}

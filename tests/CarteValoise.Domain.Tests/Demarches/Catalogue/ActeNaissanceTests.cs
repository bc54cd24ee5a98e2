using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches.Catalogue;

public sealed class ActeNaissanceTests
{
    private static readonly DemarcheDefinition Acte = CatalogueFiles.Definition("acte-naissance");

    private static readonly AnswerContext Context = new(
        new DateOnly(2026, 12, 3),
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["doc-cni"] = "piece-identite", ["doc-facture"] = "justificatif-domicile" });

    private static Dictionary<string, string> Answers(string type) => new()
    {
        ["type-acte"] = type,
        ["pour-qui"] = "moi-meme",
        ["nom"] = "Martin",
        ["prenoms"] = "Claire Anne",
        ["date-naissance"] = "1988-04-12",
        ["remise"] = "courrier",
        ["adresse-voie"] = "4 rue de la République",
        ["adresse-code-postal"] = "95300",
        ["adresse-ville"] = "Pontoise",
    };

    [Fact]
    public void The_parents_page_is_asked_for_a_copie_integrale_and_not_for_an_extrait_sans_filiation()
    {
        Assert.Equal(["demande", "personne", "parents", "remise"], FormConditions.ShownPages(Acte, Answers("copie-integrale")).Select(page => page.Id));
        Assert.Equal(["demande", "personne", "parents", "remise"], FormConditions.ShownPages(Acte, Answers("extrait-avec-filiation")).Select(page => page.Id));
        Assert.Equal(["demande", "personne", "remise"], FormConditions.ShownPages(Acte, Answers("extrait-sans-filiation")).Select(page => page.Id));
    }

    [Fact]
    public void A_copie_integrale_without_the_identity_document_is_refused_with_what_to_join()
    {
        var answers = Answers("copie-integrale");
        answers["parent1"] = "Martin Paul";

        var problems = AnswerChecks.CheckSubmission(Acte, answers, Context);

        Assert.Equal([new DemarcheProblem("piece-identite",
            "Joignez « Pièce d'identité du demandeur » : choisissez la pièce parmi vos documents, ou ajoutez-la d'abord dans « Mes documents ».")], problems);
        answers["piece-identite"] = "doc-cni";
        Assert.Empty(AnswerChecks.CheckSubmission(Acte, answers, Context));
    }

    [Fact]
    public void A_copie_integrale_takes_only_an_identity_document_as_identity()
    {
        var answers = Answers("copie-integrale");
        answers["parent1"] = "Martin Paul";
        answers["piece-identite"] = "doc-facture";

        Assert.Equal([new DemarcheProblem("piece-identite",
            "« Pièce d'identité du demandeur » : le document choisi n'est pas du type « Pièce d'identité ».")],
            AnswerChecks.CheckSubmission(Acte, answers, Context));
    }

    [Fact]
    public void An_extrait_sans_filiation_asks_neither_identity_nor_parents()
    {
        var answers = Answers("extrait-sans-filiation");
        answers["parent1"] = "Martin Paul";
        answers["piece-identite"] = "doc-cni";

        Assert.Empty(AnswerChecks.CheckSubmission(Acte, Answers("extrait-sans-filiation"), Context));
        // Answers left over from a copie intégrale first chosen are not kept.
        Assert.DoesNotContain("parent1", AnswerChecks.Kept(Acte, answers).Keys);
        Assert.DoesNotContain("piece-identite", AnswerChecks.Kept(Acte, answers).Keys);
    }

    [Fact]
    public void A_copie_integrale_needs_a_parent_on_its_parents_page()
    {
        var answers = Answers("copie-integrale");
        answers["piece-identite"] = "doc-cni";

        Assert.Equal(
        [
            new DemarcheProblem("page:parents", "La page « Les parents de la personne » n'a pas été remplie."),
            new DemarcheProblem("parent1", "Indiquez « Premier parent : nom de naissance et prénoms »."),
        ], AnswerChecks.CheckSubmission(Acte, answers, Context));
    }

    [Fact]
    public void The_postal_address_is_asked_only_for_a_delivery_by_post_and_prefilled_from_the_household()
    {
        var answers = Answers("extrait-sans-filiation");
        answers["remise"] = "guichet";
        answers.Remove("adresse-voie");
        answers.Remove("adresse-code-postal");
        answers.Remove("adresse-ville");

        Assert.Empty(AnswerChecks.CheckSubmission(Acte, answers, Context));
        Assert.Equal(["remise"], FormConditions.ShownFields(Acte, "remise", answers).Select(field => field.Id));
        Assert.Equal(
            [("adresse-voie", "adresse.voie"), ("adresse-code-postal", "adresse.code-postal"), ("adresse-ville", "adresse.ville")],
            Acte.Pages.Single(page => page.Id == "remise").Fields.Where(field => field.Prefill is not null).Select(field => (field.Id, field.Prefill!)));
    }

    [Fact]
    public void A_postal_code_other_than_five_digits_is_refused()
    {
        var answers = Answers("extrait-sans-filiation");
        answers["adresse-code-postal"] = "953";

        Assert.Equal([new DemarcheProblem("adresse-code-postal", "Le code postal s'écrit avec 5 chiffres, par exemple 95300.")],
            AnswerChecks.CheckPage(Acte, "remise", answers, Context));
    }

    [Fact]
    public void A_birth_date_to_come_is_refused()
    {
        var answers = Answers("extrait-sans-filiation");
        answers["date-naissance"] = "2026-12-04";

        Assert.Equal([new DemarcheProblem("date-naissance", "« Date de naissance » ne peut pas être une date à venir.")],
            AnswerChecks.CheckPage(Acte, "personne", answers, Context));
    }

    [Fact]
    public void A_request_goes_from_filed_to_complement_to_instruction_to_accepted()
    {
        var workflow = Acte.Workflow;

        Assert.Null(WorkflowRules.Refusal(workflow, "deposee", "demander-complement", Actor.Agent, "Le nom de la mère manque."));
        Assert.Equal("complement-demande", workflow.Move("demander-complement")!.To);
        Assert.Null(WorkflowRules.Refusal(workflow, "complement-demande", "repondre", Actor.Citizen, null));
        Assert.Equal("en-instruction", workflow.Move("repondre")!.To);
        Assert.Null(WorkflowRules.Refusal(workflow, "en-instruction", "accepter", Actor.Agent, null));
        Assert.Equal("acceptee", workflow.Move("accepter")!.To);
        Assert.Equal("courrier-reponse", workflow.Move("accepter")!.Template);
    }

    [Fact]
    public void A_citizen_may_not_accept_and_an_agent_asks_a_complement_only_with_a_reason()
    {
        var workflow = Acte.Workflow;

        Assert.Equal("Seul un agent de la commune peut « Accepter ».", WorkflowRules.Refusal(workflow, "en-instruction", "accepter", Actor.Citizen, null));
        Assert.Equal("Indiquez le motif.", WorkflowRules.Refusal(workflow, "deposee", "demander-complement", Actor.Agent, " "));
        Assert.Equal("Une demande « Acceptée » ne peut pas être « Retirer ma demande ».",
            WorkflowRules.Refusal(workflow, "acceptee", "retirer", Actor.Citizen, null));
        Assert.Equal(["repondre", "retirer"], WorkflowRules.MovesFor(workflow, "complement-demande", Actor.Citizen).Select(move => move.Id));
        Assert.Equal(["instruire", "demander-complement", "accepter", "refuser"], WorkflowRules.MovesFor(workflow, "deposee", Actor.Agent).Select(move => move.Id));
    }

    [Fact]
    public void The_answer_letter_says_the_act_never_comes_by_email()
    {
        var letter = Acte.Templates.Single(template => template.Id == "courrier-reponse");
        var values = new Dictionary<string, string>
        {
            ["reference"] = "2026-000042", ["demandeur"] = "Claire Martin", ["date-depot"] = "3 décembre 2026", ["commune"] = "Pontoise",
            ["prenoms"] = "Claire Anne", ["nom"] = "Martin", ["date-naissance"] = "12 avril 1988", ["type-acte"] = "Copie intégrale",
            ["remise"] = "Par courrier, à mon adresse",
        };

        var text = TemplateText.Fill(letter.Body, values);

        Assert.Equal("Réponse à votre demande d'acte de naissance", letter.Title);
        Assert.Contains("Demande n° 2026-000042, déposée le 3 décembre 2026 par Claire Martin.", text);
        Assert.Contains("l'acte de naissance de Claire Anne Martin, né(e) le 12 avril 1988 : Copie intégrale.", text);
        Assert.Contains("Un acte d'état civil n'est jamais délivré par courriel : il n'aurait pas de valeur légale.", text);
        Assert.DoesNotContain("{{", text);
    }
}

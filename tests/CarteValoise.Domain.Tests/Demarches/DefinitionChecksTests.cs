using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class DefinitionChecksTests
{
    private static readonly DemarcheDefinition Sample = SampleDemarche.Definition();

    [Fact]
    public void The_sample_holds_together() => Assert.Empty(DefinitionChecks.Problems(Sample));

    [Fact]
    public void A_state_no_move_reaches_is_named()
    {
        var definition = Sample with
        {
            Workflow = Sample.Workflow with { States = [.. Sample.Workflow.States, new WorkflowState("archivee", "Archivée", StateKind.Closed)] },
        };

        AssertProblems(definition, "L'état « archivee » n'est atteignable par aucun mouvement depuis « deposee ».");
    }

    [Fact]
    public void A_condition_on_a_field_that_does_not_exist_is_refused() =>
        AssertProblems(WithField(0, 1, field => field with { Condition = new FieldCondition("type", ConditionOperator.Filled) }),
            "Le champ « motif-demande » dépend du champ « type », qui n'existe pas.");

    [Fact]
    public void A_condition_on_a_later_field_is_refused()
    {
        AssertProblems(WithField(0, 1, field => field with { Condition = new FieldCondition("nom-pere", ConditionOperator.Filled) }),
            "Le champ « motif-demande » dépend du champ « nom-pere », qui ne vient pas avant lui dans le formulaire.");
        AssertProblems(WithField(0, 1, field => field with { Condition = new FieldCondition("motif-demande", ConditionOperator.Empty) }),
            "Le champ « motif-demande » dépend du champ « motif-demande », qui ne vient pas avant lui dans le formulaire.");
        AssertProblems(Sample with { Pages = [Sample.Pages[0], Sample.Pages[1] with { Condition = new FieldCondition("nom-pere", ConditionOperator.Filled) }, .. Sample.Pages.Skip(2)] },
            "La page « filiation » dépend du champ « nom-pere », qui ne vient pas avant elle dans le formulaire.");
    }

    [Fact]
    public void A_condition_reads_its_own_groups_earlier_fields_or_fields_outside_groups_only()
    {
        AssertProblems(WithField(2, 0, field => field with { Condition = new FieldCondition("prenom", ConditionOperator.Filled) }),
            "Le champ « courriel » dépend du champ « prenom » du groupe « personnes » : une condition ne peut lire qu'un champ hors groupe ou un champ de son propre groupe.");
        var group = Sample.Pages[3].Fields[0];
        AssertProblems(WithField(3, 0, _ => group with { Fields = [group.Fields![0] with { Condition = new FieldCondition("majeur", ConditionOperator.Filled) }, .. group.Fields.Skip(1)] }),
            "Le champ « prenom » dépend du champ « majeur », qui ne vient pas avant lui dans le formulaire.");
        Assert.Empty(DefinitionChecks.Problems(WithField(3, 0, _ => group with
        {
            Fields = [group.Fields![0] with { Condition = new FieldCondition("type-acte", ConditionOperator.Equals, ["copie-integrale"]) }, .. group.Fields.Skip(1)],
        })));
    }

    [Fact]
    public void A_condition_must_expect_an_answer_its_field_offers()
    {
        AssertProblems(WithField(0, 1, field => field with { Condition = new FieldCondition("type-acte", ConditionOperator.Equals, ["copie"]) }),
            "La condition du champ « motif-demande » attend la réponse « copie » du champ « type-acte », qui ne la propose pas.");
        AssertProblems(WithField(0, 1, field => field with { Condition = new FieldCondition("type-acte", ConditionOperator.NotEquals) }),
            "La condition du champ « motif-demande » ne dit pas quelle réponse du champ « type-acte » attendre.");
    }

    [Fact]
    public void Ids_are_unique_slugs()
    {
        AssertProblems(WithField(2, 1, field => field with { Id = "courriel" }), "Deux champs portent l'identifiant « courriel ».");
        AssertProblems(WithField(3, 0, group => group with { Fields = [.. group.Fields!, new FormField("courriel", "Courriel", FieldKind.Email)] }),
            "Deux champs portent l'identifiant « courriel ».");
        AssertProblems(Sample with { Pages = [.. Sample.Pages.Take(3), Sample.Pages[3] with { Id = "acte" }] }, "Deux pages portent l'identifiant « acte ».");
        AssertProblems(WithField(2, 1, field => field with { Id = "Téléphone" }),
            "L'identifiant « Téléphone » du champ n°2 de la page n°3 n'est pas valable : lettres minuscules sans accent, chiffres et tirets seulement.");
        AssertProblems(Sample with { Id = "" }, "La démarche n'a pas d'identifiant.");
        AssertProblems(Sample with { Title = " " }, "La démarche n'a pas de titre.");
        AssertProblems(Sample with { Templates = [.. Sample.Templates, Sample.Templates[0]] }, "Deux modèles portent l'identifiant « copie-acte ».");
    }

    [Fact]
    public void A_choice_without_options_or_with_a_value_twice_is_refused()
    {
        AssertProblems(WithField(2, 1, field => field with { Kind = FieldKind.Choice }), "Le champ « telephone » n'a aucune option à choisir.");
        AssertProblems(WithField(0, 4, field => field with { Options = [.. field.Options!, new ChoiceOption("mariage", "Pacs")] }),
            "Le champ « usages » propose deux fois la valeur « mariage ».");
    }

    [Fact]
    public void Pages_fields_groups_and_rules_must_make_sense()
    {
        Assert.Contains(new DemarcheProblem("definition", "La démarche n'a aucune page."), DefinitionChecks.Problems(Sample with { Pages = [] }));
        AssertProblems(Sample with { Pages = [.. Sample.Pages, new FormPage("vide", "Vide", "", null, [])] }, "La page « vide » n'a aucun champ.");
        var group = Sample.Pages[3].Fields[0];
        AssertProblems(WithField(3, 0, _ => group with { Fields = [.. group.Fields!, new FormField("enfants", "Enfants", FieldKind.Group, Fields: [new FormField("age", "Âge", FieldKind.Number)])] }),
            "Le groupe « enfants » est dans un autre groupe : un groupe ne peut pas en contenir.");
        AssertProblems(WithField(3, 0, _ => group with { MinItems = 4 }),
            "Le groupe « personnes » doit compter de 4 à 3 éléments : il en faut entre 0 et 50, le minimum ne dépassant pas le maximum.");
        AssertProblems(WithField(3, 0, _ => group with { Fields = [] }), "Le groupe « personnes » n'a aucun champ.");
        AssertProblems(WithField(2, 4, field => field with { DocumentType = null }), "Le champ « piece » ne dit pas quel type de document demander.");
        AssertProblems(WithField(2, 4, field => field with { DocumentType = "plan-masse-inconnu" }), "Le champ « piece » demande un type de document inconnu « plan-masse-inconnu ».");
        AssertProblems(WithField(0, 2, field => field with { Rule = new FieldRule(Min: 10.5m, Max: 2) }), "Le champ « exemplaires » : le minimum (10,5) dépasse le maximum (2).");
        AssertProblems(WithField(0, 1, field => field with { Rule = new FieldRule(MinLength: 5, MaxLength: 2) }),
            "Le champ « motif-demande » : la longueur minimale (5) dépasse la longueur maximale (2).");
        AssertProblems(WithField(0, 1, field => field with { Rule = new FieldRule(Pattern: "[0-9") }),
            "Le champ « motif-demande » : le motif « [0-9 » n'est pas une expression régulière valable.");
        AssertProblems(WithField(0, 3, field => field with { Rule = new FieldRule(MinDays: 3, MaxDays: -1) }),
            "Le champ « date-naissance » : le délai minimal (3 jours) dépasse le délai maximal (-1 jours).");
        AssertProblems(Sample with { ProcessingDays = -1 }, "Le délai de traitement annoncé (-1 jours) ne peut pas être négatif.");
    }

    [Fact]
    public void A_move_to_or_from_an_unknown_state_is_refused()
    {
        AssertProblems(WithMove("accepter", move => move with { To = "validee" }),
            "Le mouvement « accepter » mène à l'état « validee », qui n'existe pas.",
            "L'état « acceptee » n'est atteignable par aucun mouvement depuis « deposee ».");
        AssertProblems(WithMove("retirer", move => move with { From = ["deposee", "brouillon"] }),
            "Le mouvement « retirer » part de l'état « brouillon », qui n'existe pas.");
    }

    [Fact]
    public void The_workflow_starts_somewhere_open_ends_somewhere_and_never_leaves_a_request_stuck()
    {
        AssertProblems(Sample with { Workflow = Sample.Workflow with { Initial = "nouvelle" } }, "L'état initial « nouvelle » n'existe pas.");
        AssertProblems(WithMove("retirer", move => move with { From = ["deposee", "acceptee"] }),
            "Le mouvement « retirer » part de l'état final « acceptee » : une demande terminée ne bouge plus.");
        AssertProblems(WithMove("accepter", move => move with { Actors = [] }), "Le mouvement « accepter » ne dit pas qui peut le faire.");
        AssertProblems(WithMove("accepter", move => move with { Template = "decision" }),
            "Le mouvement « accepter » produit le document « decision », dont le modèle n'existe pas.");
        AssertProblems(Sample with { Workflow = Sample.Workflow with { Moves = [.. Sample.Workflow.Moves.Where(move => move.From[0] != "complement").Select(move => move with { From = [.. move.From.Where(from => from != "complement")] })] } },
            "L'état « complement » n'a aucun mouvement pour en sortir : une demande y resterait pour toujours.");
        var states = Sample.Workflow.States.Select(state => state.Kind.IsFinal() ? state with { Kind = StateKind.Open } : state).ToList();
        var onlyOpen = Sample with { Workflow = Sample.Workflow with { States = states } };
        Assert.Contains(new DemarcheProblem("definition", "Aucun état n'est final : une demande doit pouvoir se terminer."), DefinitionChecks.Problems(onlyOpen));
        var finalStart = Sample with { Workflow = Sample.Workflow with { Initial = "acceptee" } };
        Assert.Contains(new DemarcheProblem("definition", "L'état initial « acceptee » est un état final : une demande déposée doit pouvoir être traitée."),
            DefinitionChecks.Problems(finalStart));
        AssertProblems(Sample with { Workflow = Sample.Workflow with { States = [Sample.Workflow.States[0] with { DeadlineDays = 0 }, .. Sample.Workflow.States.Skip(1)] } },
            "L'état « deposee » : le délai doit être d'au moins 1 jour (il est de 0).");
    }

    [Fact]
    public void A_placeholder_names_a_field_or_a_known_piece_of_information()
    {
        AssertProblems(Sample with { Templates = [Sample.Templates[0] with { Body = "Né le {{ naissance }} à {{commune}}, {{date-naissance}}." }] },
            "Le modèle « copie-acte » utilise « {{naissance}} », qui n'est ni un champ de la démarche ni une information connue (reference, titre, commune, demandeur, date-depot, date, motif).");
        AssertProblems(WithMove("accepter", move => move with { NoticeText = "Votre dossier {{numero}} est accepté." }),
            "Le message du mouvement « accepter » utilise « {{numero}} », qui n'est ni un champ de la démarche ni une information connue (reference, titre, commune, demandeur, date-depot, date, motif).");
    }

    private static DemarcheDefinition WithField(int page, int field, Func<FormField, FormField> change)
    {
        var fields = Sample.Pages[page].Fields.ToList();
        fields[field] = change(fields[field]);
        var pages = Sample.Pages.ToList();
        pages[page] = pages[page] with { Fields = fields };
        return Sample with { Pages = pages };
    }

    private static DemarcheDefinition WithMove(string id, Func<WorkflowMove, WorkflowMove> change) =>
        Sample with { Workflow = Sample.Workflow with { Moves = [.. Sample.Workflow.Moves.Select(move => move.Id == id ? change(move) : move)] } };

    private static void AssertProblems(DemarcheDefinition definition, params string[] messages) =>
        Assert.Equal(messages.Select(message => new DemarcheProblem("definition", message)), DefinitionChecks.Problems(definition));
}

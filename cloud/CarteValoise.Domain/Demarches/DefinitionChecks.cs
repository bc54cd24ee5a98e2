using System.Text.RegularExpressions;
using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// A definition that holds together: ids unique, conditions on fields that exist before them, every
/// state reachable… Each problem, in French, names the part of the démarche it is about, so an
/// administrator importing a file knows what to mend; all are told at once.
/// </summary>
public static partial class DefinitionChecks
{
    /// <summary>The answer key every definition problem carries.</summary>
    public const string Field = "definition";

    /// <summary>How many items a group may ever hold: beyond, a form is no longer a form.</summary>
    public const int MostItems = 50;

    public static IReadOnlyList<DemarcheProblem> Problems(DemarcheDefinition definition)
    {
        var problems = new List<string>();
        CheckHeading(definition, problems);
        CheckPages(definition, problems);
        CheckConditions(definition, problems);
        CheckWorkflow(definition.Workflow, definition.Templates, problems);
        CheckTemplates(definition, problems);
        return problems.Select(message => new DemarcheProblem(Field, message)).ToList();
    }

    private static void CheckHeading(DemarcheDefinition definition, List<string> problems)
    {
        CheckId(definition.Id, "La démarche", "de la démarche", problems);
        if (string.IsNullOrWhiteSpace(definition.Title)) problems.Add("La démarche n'a pas de titre.");
        if (definition.ProcessingDays < 0)
            problems.Add($"Le délai de traitement annoncé ({definition.ProcessingDays} jours) ne peut pas être négatif.");
    }

    private static void CheckPages(DemarcheDefinition definition, List<string> problems)
    {
        if (definition.Pages.Count == 0) problems.Add("La démarche n'a aucune page.");
        for (var index = 0; index < definition.Pages.Count; index++)
        {
            var page = definition.Pages[index];
            var name = Named("La page", page.Id, index);
            CheckId(page.Id, name, $"de la page n°{index + 1}", problems);
            if (string.IsNullOrWhiteSpace(page.Title)) problems.Add($"{name} n'a pas de titre.");
            if (page.Fields.Count == 0) problems.Add($"{name} n'a aucun champ.");
            for (var fieldIndex = 0; fieldIndex < page.Fields.Count; fieldIndex++)
                CheckField(page.Fields[fieldIndex], fieldIndex, name, $"de la page n°{index + 1}", inGroup: false, problems);
        }
        Duplicates(definition.Pages.Select(page => page.Id), id => $"Deux pages portent l'identifiant « {id} ».", problems);
        Duplicates(definition.AllFields().Select(field => field.Id), id => $"Deux champs portent l'identifiant « {id} ».", problems);
    }

    private static void CheckField(FormField field, int index, string within, string withinOf, bool inGroup, List<string> problems)
    {
        var name = field.Id is { Length: > 0 } ? $"Le champ « {field.Id} »" : $"{within} : le champ n°{index + 1}";
        CheckId(field.Id, name, $"du champ n°{index + 1} {withinOf}", problems);
        if (string.IsNullOrWhiteSpace(field.Label)) problems.Add($"{name} n'a pas de libellé.");
        if (field.Kind is FieldKind.Choice or FieldKind.MultiChoice) CheckOptions(field, name, problems);
        if (field.Kind == FieldKind.Group) CheckGroup(field, name, inGroup, problems);
        else if (field.Fields is { Count: > 0 }) problems.Add($"{name} n'est pas un groupe : il ne peut pas contenir de champs.");
        if (field.Kind == FieldKind.Document)
        {
            if (string.IsNullOrWhiteSpace(field.DocumentType)) problems.Add($"{name} ne dit pas quel type de document demander.");
            else if (DocumentKinds.Find(field.DocumentType) is null)
                problems.Add($"{name} demande un type de document inconnu « {field.DocumentType} ».");
        }
        if (field.Rule is { } rule) CheckRule(rule, name, problems);
    }

    private static void CheckOptions(FormField field, string name, List<string> problems)
    {
        var options = field.Options ?? [];
        if (options.Count == 0) problems.Add($"{name} n'a aucune option à choisir.");
        foreach (var option in options)
        {
            // A multi-choice keeps its values one per line.
            if (string.IsNullOrWhiteSpace(option.Value) || option.Value.Contains('\n') || option.Value != option.Value.Trim())
                problems.Add($"{name} a une option sans valeur valable (« {option.Value} ») : un texte d'une ligne, sans espace autour.");
            if (string.IsNullOrWhiteSpace(option.Label)) problems.Add($"{name} a une option sans libellé (« {option.Value} »).");
        }
        Duplicates(options.Select(option => option.Value), value => $"{name} propose deux fois la valeur « {value} ».", problems);
    }

    private static void CheckGroup(FormField group, string name, bool inGroup, List<string> problems)
    {
        var groupName = group.Id is { Length: > 0 } ? $"Le groupe « {group.Id} »" : name;
        if (inGroup) problems.Add($"{groupName} est dans un autre groupe : un groupe ne peut pas en contenir.");
        var fields = group.Fields ?? [];
        if (fields.Count == 0) problems.Add($"{groupName} n'a aucun champ.");
        if (group.MinItems < 0 || group.MaxItems > MostItems || group.MinItems > group.MaxItems)
            problems.Add($"{groupName} doit compter de {group.MinItems} à {group.MaxItems} éléments : "
                + $"il en faut entre 0 et {MostItems}, le minimum ne dépassant pas le maximum.");
        for (var index = 0; index < fields.Count; index++) CheckField(fields[index], index, groupName, $"du groupe « {group.Id} »", inGroup: true, problems);
    }

    private static void CheckRule(FieldRule rule, string name, List<string> problems)
    {
        if (rule.Min > rule.Max) problems.Add($"{name} : le minimum ({AnswerValues.FrenchNumber(rule.Min!.Value)}) dépasse le maximum ({AnswerValues.FrenchNumber(rule.Max!.Value)}).");
        if (rule.MinLength < 0 || rule.MaxLength < 0) problems.Add($"{name} : une longueur ne peut pas être négative.");
        if (rule.MinLength > rule.MaxLength)
            problems.Add($"{name} : la longueur minimale ({rule.MinLength}) dépasse la longueur maximale ({rule.MaxLength}).");
        if (rule.Pattern is { } pattern && !IsRegex(pattern))
            problems.Add($"{name} : le motif « {pattern} » n'est pas une expression régulière valable.");
        if (rule.MinDays > rule.MaxDays)
            problems.Add($"{name} : le délai minimal ({rule.MinDays} jours) dépasse le délai maximal ({rule.MaxDays} jours).");
    }

    internal static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return pattern.Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A condition reads an answer given before it: an earlier page, earlier on its page, or earlier in its own group.</summary>
    private static void CheckConditions(DemarcheDefinition definition, List<string> problems)
    {
        var fields = definition.AllFields().Where(field => field.Id is { Length: > 0 }).DistinctBy(field => field.Id).ToDictionary(field => field.Id);
        var groupOf = definition.AllFields().Where(field => field.Kind == FieldKind.Group)
            .SelectMany(group => (group.Fields ?? []).Select(inner => (inner.Id, group.Id))).DistinctBy(pair => pair.Item1)
            .ToDictionary(pair => pair.Item1, pair => pair.Item2);
        var before = new HashSet<string>();
        foreach (var page in definition.Pages)
        {
            if (page.Condition is { } pageCondition)
                CheckCondition(pageCondition, $"La page « {page.Id} »", $"de la page « {page.Id} »", "elle", fields, groupOf, before, problems);
            foreach (var field in page.Fields)
            {
                if (field.Condition is { } condition)
                    CheckCondition(condition, $"Le champ « {field.Id} »", $"du champ « {field.Id} »", "lui", fields, groupOf, before, problems);
                if (field.Kind == FieldKind.Group)
                {
                    var inGroup = new HashSet<string>(before);
                    foreach (var inner in field.Fields ?? [])
                    {
                        if (inner.Condition is { } innerCondition)
                            CheckCondition(innerCondition, $"Le champ « {inner.Id} »", $"du champ « {inner.Id} »", "lui", fields,
                                groupOf, inGroup, problems, group: field.Id);
                        inGroup.Add(inner.Id);
                    }
                }
                before.Add(field.Id);
            }
        }
    }

    private static void CheckCondition(FieldCondition condition, string name, string of, string pronoun,
        Dictionary<string, FormField> fields, Dictionary<string, string> groupOf, HashSet<string> before, List<string> problems,
        string? group = null)
    {
        if (!fields.TryGetValue(condition.FieldId, out var target))
        {
            problems.Add($"{name} dépend du champ « {condition.FieldId} », qui n'existe pas.");
            return;
        }
        if (groupOf.TryGetValue(condition.FieldId, out var targetGroup) && targetGroup != group)
            problems.Add($"{name} dépend du champ « {condition.FieldId} » du groupe « {targetGroup} » : "
                + "une condition ne peut lire qu'un champ hors groupe ou un champ de son propre groupe.");
        else if (!before.Contains(condition.FieldId))
            problems.Add($"{name} dépend du champ « {condition.FieldId} », qui ne vient pas avant {pronoun} dans le formulaire.");
        var values = condition.Values ?? [];
        if (condition.Operator is ConditionOperator.Equals or ConditionOperator.NotEquals && values.Count == 0)
            problems.Add($"La condition {of} ne dit pas quelle réponse du champ « {condition.FieldId} » attendre.");
        if (target.Kind is FieldKind.Choice or FieldKind.MultiChoice)
            foreach (var value in values.Where(value => (target.Options ?? []).All(option => option.Value != value)))
                problems.Add($"La condition {of} attend la réponse « {value} » du champ « {condition.FieldId} », qui ne la propose pas.");
    }

    private static void CheckWorkflow(Workflow workflow, IReadOnlyList<DocumentTemplate> templates, List<string> problems)
    {
        for (var index = 0; index < workflow.States.Count; index++)
        {
            var state = workflow.States[index];
            var name = Named("L'état", state.Id, index);
            CheckId(state.Id, name, $"de l'état n°{index + 1}", problems);
            if (string.IsNullOrWhiteSpace(state.Label)) problems.Add($"{name} n'a pas de libellé.");
            if (state.DeadlineDays < 1) problems.Add($"{name} : le délai doit être d'au moins 1 jour (il est de {state.DeadlineDays}).");
        }
        Duplicates(workflow.States.Select(state => state.Id), id => $"Deux états portent l'identifiant « {id} ».", problems);

        var initial = workflow.State(workflow.Initial);
        if (initial is null) problems.Add($"L'état initial « {workflow.Initial} » n'existe pas.");
        else if (initial.Kind.IsFinal()) problems.Add($"L'état initial « {workflow.Initial} » est un état final : une demande déposée doit pouvoir être traitée.");
        if (!workflow.States.Any(state => state.Kind.IsFinal())) problems.Add("Aucun état n'est final : une demande doit pouvoir se terminer.");

        for (var index = 0; index < workflow.Moves.Count; index++)
        {
            var move = workflow.Moves[index];
            var name = Named("Le mouvement", move.Id, index);
            CheckId(move.Id, name, $"du mouvement n°{index + 1}", problems);
            if (string.IsNullOrWhiteSpace(move.Label)) problems.Add($"{name} n'a pas de libellé.");
            if (move.From.Count == 0) problems.Add($"{name} ne part d'aucun état.");
            foreach (var from in move.From)
            {
                if (workflow.State(from) is not { } state) problems.Add($"{name} part de l'état « {from} », qui n'existe pas.");
                else if (state.Kind.IsFinal()) problems.Add($"{name} part de l'état final « {from} » : une demande terminée ne bouge plus.");
            }
            if (workflow.State(move.To) is null) problems.Add($"{name} mène à l'état « {move.To} », qui n'existe pas.");
            if (move.Actors.Count == 0) problems.Add($"{name} ne dit pas qui peut le faire.");
            if (move.Template is { } template && templates.All(known => known.Id != template))
                problems.Add($"{name} produit le document « {template} », dont le modèle n'existe pas.");
        }
        Duplicates(workflow.Moves.Select(move => move.Id), id => $"Deux mouvements portent l'identifiant « {id} ».", problems);

        if (initial is not null) CheckReachable(workflow, problems);
        foreach (var state in workflow.States.Where(state => !state.Kind.IsFinal()).DistinctBy(state => state.Id))
            if (!workflow.Moves.Any(move => move.From.Contains(state.Id)))
                problems.Add($"L'état « {state.Id} » n'a aucun mouvement pour en sortir : une demande y resterait pour toujours.");
    }

    private static void CheckReachable(Workflow workflow, List<string> problems)
    {
        var reached = new HashSet<string> { workflow.Initial };
        var next = new Queue<string>(reached);
        while (next.TryDequeue(out var state))
            foreach (var move in workflow.Moves.Where(move => move.From.Contains(state)))
                if (reached.Add(move.To)) next.Enqueue(move.To);
        foreach (var state in workflow.States.Where(state => !reached.Contains(state.Id)).DistinctBy(state => state.Id))
            problems.Add($"L'état « {state.Id} » n'est atteignable par aucun mouvement depuis « {workflow.Initial} ».");
    }

    private static void CheckTemplates(DemarcheDefinition definition, List<string> problems)
    {
        for (var index = 0; index < definition.Templates.Count; index++)
        {
            var template = definition.Templates[index];
            var name = Named("Le modèle", template.Id, index);
            CheckId(template.Id, name, $"du modèle n°{index + 1}", problems);
            if (string.IsNullOrWhiteSpace(template.Title)) problems.Add($"{name} n'a pas de titre.");
        }
        Duplicates(definition.Templates.Select(template => template.Id), id => $"Deux modèles portent l'identifiant « {id} ».", problems);

        var known = definition.AllFields().Select(field => field.Id).Concat(TemplateText.StandardKeys).ToHashSet();
        var standard = string.Join(", ", TemplateText.StandardKeys);
        foreach (var template in definition.Templates)
            foreach (var key in TemplateText.Keys(template.Body).Where(key => !known.Contains(key)))
                problems.Add($"Le modèle « {template.Id} » utilise « {{{{{key}}}}} », qui n'est ni un champ de la démarche ni une information connue ({standard}).");
        foreach (var move in definition.Workflow.Moves)
            foreach (var key in TemplateText.Keys(move.NoticeText).Where(key => !known.Contains(key)))
                problems.Add($"Le message du mouvement « {move.Id} » utilise « {{{{{key}}}}} », qui n'est ni un champ de la démarche ni une information connue ({standard}).");
    }

    private static string Named(string noun, string id, int index) =>
        id is { Length: > 0 } ? $"{noun} « {id} »" : $"{noun} n°{index + 1}";

    private static void CheckId(string id, string name, string of, List<string> problems)
    {
        if (string.IsNullOrEmpty(id)) problems.Add($"{name} n'a pas d'identifiant.");
        else if (!Slug().IsMatch(id))
            problems.Add($"L'identifiant « {id} » {of} n'est pas valable : lettres minuscules sans accent, chiffres et tirets seulement.");
    }

    private static void Duplicates(IEnumerable<string> ids, Func<string, string> message, List<string> problems)
    {
        foreach (var id in ids.Where(id => id is { Length: > 0 }).GroupBy(id => id).Where(group => group.Count() > 1).Select(group => group.Key))
            problems.Add(message(id));
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex Slug();
}

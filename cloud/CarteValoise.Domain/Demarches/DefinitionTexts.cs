using System.Globalization;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// One text of a definition an agent may change without touching its JSON file.
/// </summary>
/// <param name="Key">Stable across versions: «titre», «page:demandeur:titre», «champ:nom:libelle», «option:type-acte:copie-integrale»…</param>
/// <param name="Part">The part of the démarche it belongs to, for grouping: «La démarche», «Page « Demandeur »»…</param>
/// <param name="Label">What the agent reads, alone (an error names it): «Page « Demandeur » — titre».</param>
/// <param name="Required">A title or a label: never empty.</param>
public sealed record DefinitionText(string Key, string Part, string Label, string Value, bool Multiline, bool Required);

/// <summary>
/// The texts of a definition (titles, labels, helps, messages, templates and the announced delay),
/// each under a key made of ids rather than positions, so that a form read on one version still
/// means the same texts when it is sent back; and a definition with some of them changed. Only
/// texts: ids, kinds, rules and the workflow's shape stay as they are, so the texts form can never
/// make a definition that the JSON editor would not.
/// </summary>
public static class DefinitionTexts
{
    public const string Title = "titre";
    public const string Summary = "resume";
    public const string Delay = "delai";

    /// <summary>A delay beyond ten years is a typing slip, not a promise.</summary>
    public const int MostDays = 3650;

    private const string Heading = "La démarche";
    private const string States = "Circuit de traitement : les états";
    private const string Moves = "Circuit de traitement : les mouvements";
    private const string Templates = "Modèles de documents";

    public static IReadOnlyList<DefinitionText> Of(DemarcheDefinition definition)
    {
        var texts = new List<DefinitionText>
        {
            new(Title, Heading, "Titre de la démarche", definition.Title, Multiline: false, Required: true),
            new(Summary, Heading, "Résumé de la démarche", definition.Summary, Multiline: true, Required: false),
            new(Delay, Heading, "Délai de traitement annoncé (en jours)", definition.ProcessingDays.ToString(CultureInfo.InvariantCulture), Multiline: false, Required: true),
        };
        foreach (var page in definition.Pages)
        {
            var part = $"Page « {page.Title} »";
            texts.Add(new($"page:{page.Id}:titre", part, $"{part} — titre", page.Title, false, true));
            texts.Add(new($"page:{page.Id}:aide", part, $"{part} — aide", page.Help, true, false));
            foreach (var field in page.Fields.SelectMany(field => field.Fields is { Count: > 0 } inner ? inner.Prepend(field) : [field]))
            {
                var name = $"Champ « {field.Label} »";
                texts.Add(new($"champ:{field.Id}:libelle", part, $"{name} — libellé", field.Label, false, true));
                texts.Add(new($"champ:{field.Id}:aide", part, $"{name} — aide", field.Help, true, false));
                foreach (var option in field.Options ?? [])
                    texts.Add(new($"option:{field.Id}:{option.Value}", part, $"{name} — choix « {option.Value} »", option.Label, false, true));
            }
        }
        foreach (var state in definition.Workflow.States)
            texts.Add(new($"etat:{state.Id}", States, $"État « {state.Id} » — libellé", state.Label, false, true));
        foreach (var move in definition.Workflow.Moves)
        {
            texts.Add(new($"mouvement:{move.Id}:libelle", Moves, $"Mouvement « {move.Id} » — libellé", move.Label, false, true));
            if (move.Notice != MoveNotice.None || move.NoticeText.Length > 0)
                texts.Add(new($"mouvement:{move.Id}:message", Moves, $"Mouvement « {move.Id} » — message au demandeur", move.NoticeText, true, false));
        }
        foreach (var template in definition.Templates)
        {
            texts.Add(new($"modele:{template.Id}:titre", Templates, $"Modèle « {template.Id} » — titre", template.Title, false, true));
            texts.Add(new($"modele:{template.Id}:corps", Templates, $"Modèle « {template.Id} » — texte", template.Body, true, false));
        }
        return texts;
    }

    /// <summary>
    /// The definition with these texts (a key absent keeps its text; line ends as «\n», a one-line
    /// text trimmed): <see cref="InvalidDemarcheException"/> with each problem under its key for an
    /// unknown key, an empty title or label, a line break in a one-line text, or a delay that is not
    /// a whole number of days. The whole definition is checked when it is saved.
    /// </summary>
    public static DemarcheDefinition Apply(DemarcheDefinition definition, IReadOnlyDictionary<string, string> changes)
    {
        var known = Of(definition).ToDictionary(text => text.Key);
        var values = known.ToDictionary(pair => pair.Key, pair => pair.Value.Value);
        var problems = new List<DemarcheProblem>();
        foreach (var (key, typed) in changes)
        {
            if (!known.TryGetValue(key, out var text))
            {
                problems.Add(new(key, $"Le texte « {key} » n'existe pas dans la version en vigueur de cette démarche : rechargez la page."));
                continue;
            }
            var value = (typed ?? "").ReplaceLineEndings("\n");
            if (!text.Multiline) value = value.Trim();
            if (text.Required && string.IsNullOrWhiteSpace(value))
                problems.Add(new(key, $"{text.Label} : ce texte ne peut pas être vide."));
            else if (!text.Multiline && value.Contains('\n'))
                problems.Add(new(key, $"{text.Label} : ce texte tient sur une seule ligne."));
            else if (key == Delay && !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MostDays))
                problems.Add(new(key, $"{text.Label} : un nombre entier de jours, de 0 à {MostDays}, est attendu (« {value} » n'en est pas un)."));
            values[key] = value;
        }
        InvalidDemarcheException.ThrowIfAny(problems);

        string Text(string key) => values[key];
        return definition with
        {
            Title = Text(Title),
            Summary = Text(Summary),
            ProcessingDays = int.Parse(Text(Delay), CultureInfo.InvariantCulture),
            Pages = [.. definition.Pages.Select(page => page with
            {
                Title = Text($"page:{page.Id}:titre"),
                Help = Text($"page:{page.Id}:aide"),
                Fields = [.. page.Fields.Select(field => WithTexts(field, Text))],
            })],
            Workflow = definition.Workflow with
            {
                States = [.. definition.Workflow.States.Select(state => state with { Label = Text($"etat:{state.Id}") })],
                Moves = [.. definition.Workflow.Moves.Select(move => move with
                {
                    Label = Text($"mouvement:{move.Id}:libelle"),
                    NoticeText = values.GetValueOrDefault($"mouvement:{move.Id}:message", move.NoticeText),
                })],
            },
            Templates = [.. definition.Templates.Select(template => template with
            {
                Title = Text($"modele:{template.Id}:titre"),
                Body = Text($"modele:{template.Id}:corps"),
            })],
        };
    }

    private static FormField WithTexts(FormField field, Func<string, string> text) => field with
    {
        Label = text($"champ:{field.Id}:libelle"),
        Help = text($"champ:{field.Id}:aide"),
        Options = field.Options is null ? null : [.. field.Options.Select(option => option with { Label = text($"option:{field.Id}:{option.Value}") })],
        Fields = field.Fields is null ? null : [.. field.Fields.Select(inner => WithTexts(inner, text))],
    };
}

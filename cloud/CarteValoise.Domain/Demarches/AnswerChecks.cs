using System.Text.RegularExpressions;
using CarteValoise.Domain.Documents;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// Checks answers against the definition: each problem in French with its answer key. Only shown
/// fields are checked (a field hidden by a condition asks nothing), at each page and again, whole,
/// at submission, since a draft may have been filled by hand or under an older form.
/// </summary>
public static class AnswerChecks
{
    /// <summary>The longest text a field takes when its rule does not say: a line, a few paragraphs.</summary>
    public const int LongestText = 500;
    public const int LongestLongText = 5000;

    /// <summary>One page's answers (a page hidden by its condition has none to give).</summary>
    public static IReadOnlyList<DemarcheProblem> CheckPage(DemarcheDefinition definition, string pageId, IReadOnlyDictionary<string, string> answers, AnswerContext context)
    {
        var page = definition.Pages.FirstOrDefault(page => page.Id == pageId);
        if (page is null) return [new DemarcheProblem(PageKey(pageId), $"La page « {pageId} » n'existe pas dans cette démarche.")];
        var form = ShownForm.Of(definition, answers);
        var shown = form.Pages.FirstOrDefault(shown => shown.Page.Id == pageId);
        if (shown is null)
            return [new DemarcheProblem(PageKey(pageId), $"La page « {page.Title} » ne concerne pas cette demande, au vu de vos réponses précédentes.")];
        return CheckShown(form, shown, answers, context);
    }

    /// <summary>Every shown page, for a submission: a page skipped is a problem «page:&lt;id&gt;» and its required fields'.</summary>
    public static IReadOnlyList<DemarcheProblem> CheckSubmission(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers, AnswerContext context)
    {
        var form = ShownForm.Of(definition, answers);
        var problems = new List<DemarcheProblem>();
        foreach (var shown in form.Pages)
        {
            var asked = shown.Fields.Any(field => field.Field.Required);
            var answered = shown.Fields.Any(field => field.Field.Kind == FieldKind.Group
                ? field.Items.Count > 0
                : ShownForm.Answer(answers, field.Field.Id) is not null);
            if (asked && !answered)
                problems.Add(new DemarcheProblem(PageKey(shown.Page.Id), $"La page « {shown.Page.Title} » n'a pas été remplie."));
            problems.AddRange(CheckShown(form, shown, answers, context));
        }
        return problems;
    }

    /// <summary>The answers of shown fields only, trimmed; unknown keys and hidden fields' answers dropped.</summary>
    public static IReadOnlyDictionary<string, string> Kept(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers)
    {
        var form = ShownForm.Of(definition, answers);
        var kept = new Dictionary<string, string>();
        foreach (var page in form.Pages)
            foreach (var (field, key) in form.Keys(page))
                if (ShownForm.Answer(answers, key) is { } answer) kept[key] = Tidy(field, answer);
        return kept;
    }

    public static string PageKey(string pageId) => "page:" + pageId;

    // An address keeps its three lines, an empty street included, so each part stays in its place.
    private static string Tidy(FormField field, string answer) => field.Kind switch
    {
        FieldKind.MultiChoice => AnswerValues.JoinLines(AnswerValues.Lines(answer)),
        FieldKind.Address => string.Join("\n", answer.Split('\n').Select(line => line.Trim())),
        FieldKind.LongText => string.Join("\n", answer.Trim().Split('\n').Select(line => line.TrimEnd())),
        _ => answer.Trim(),
    };

    private static string? Tidied(FormField field, IReadOnlyDictionary<string, string> answers, string key) =>
        ShownForm.Answer(answers, key) is { } answer ? Tidy(field, answer) : null;

    private static List<DemarcheProblem> CheckShown(ShownForm form, ShownPage page, IReadOnlyDictionary<string, string> answers, AnswerContext context)
    {
        var problems = new List<DemarcheProblem>();
        foreach (var shown in page.Fields)
        {
            var field = shown.Field;
            if (field.Kind == FieldKind.Group)
            {
                CheckGroupSize(field, shown.Items.Count, problems);
                for (var index = 0; index < shown.Items.Count; index++)
                    foreach (var inner in shown.Items[index])
                    {
                        var key = AnswerValues.ItemKey(field.Id, index, inner.Id);
                        var name = $"« {inner.Label} » ({field.Label} n°{index + 1})";
                        if (Problem(inner, name, Tidied(inner, answers, key), context) is { } message) problems.Add(new(key, message));
                    }
                continue;
            }
            if (Problem(field, $"« {field.Label} »", Tidied(field, answers, field.Id), context) is { } problem)
                problems.Add(new(field.Id, problem));
        }
        return problems;
    }

    private static void CheckGroupSize(FormField group, int count, List<DemarcheProblem> problems)
    {
        var least = Math.Max(group.MinItems, group.Required ? 1 : 0);
        if (count < least)
            problems.Add(new(group.Id, least == 1
                ? $"Ajoutez au moins un élément à « {group.Label} »."
                : $"Ajoutez au moins {least} éléments à « {group.Label} »."));
        else if (count > group.MaxItems)
            problems.Add(new(group.Id, $"« {group.Label} » compte {count} éléments : {group.MaxItems} au plus."));
    }

    /// <summary>What is wrong with one answer (null: nothing); <paramref name="name"/> is how the message names the field.</summary>
    private static string? Problem(FormField field, string name, string? answer, AnswerContext context)
    {
        if (answer is null) return field.Required ? Missing(field, name, context) : null;
        var rule = field.Rule ?? new FieldRule();
        return field.Kind switch
        {
            FieldKind.Text => Text(name, answer, rule, LongestText),
            FieldKind.LongText => Text(name, answer, rule, LongestLongText),
            FieldKind.Email => ContactDetails.IsEmail(answer.ToLowerInvariant())
                ? Text(name, answer, rule, LongestText)
                : $"{name} : « {answer} » n'est pas une adresse électronique valable, par exemple marie.martin@exemple.fr.",
            FieldKind.Phone => ContactDetails.Phone(answer) is not null
                ? Text(name, answer, rule, LongestText)
                : $"{name} : « {answer} » n'est pas un numéro de téléphone valable : 10 chiffres, par exemple 06 12 34 56 78.",
            FieldKind.Number => Number(name, answer, rule),
            FieldKind.Date => Date(name, answer, rule, context.Today),
            FieldKind.Choice => IsOption(field, answer) ? null : $"{name} : « {answer} » n'est pas une des réponses proposées.",
            FieldKind.MultiChoice => AnswerValues.Lines(answer).FirstOrDefault(value => !IsOption(field, value)) is { } unknown
                ? $"{name} : « {unknown} » n'est pas une des réponses proposées."
                : null,
            FieldKind.Address => Address(name, answer),
            FieldKind.Child => context.Children.ContainsKey(answer) ? null : $"{name} : cet enfant n'est pas dans votre dossier famille.",
            FieldKind.Document => Document(field, name, answer, context),
            _ => null,
        };
    }

    private static string Missing(FormField field, string name, AnswerContext context) => field.Kind switch
    {
        FieldKind.Choice or FieldKind.Child => $"Choisissez {name}.",
        FieldKind.MultiChoice => $"Cochez au moins une réponse pour {name}.",
        FieldKind.Address => $"Indiquez {name} : numéro et rue, code postal et commune.",
        FieldKind.Document when context.AtCounter => $"Joignez {name}, ou indiquez que la pièce a été vue au guichet.",
        FieldKind.Document => $"Joignez {name} : choisissez la pièce parmi vos documents, ou ajoutez-la d'abord dans « Mes documents ».",
        _ => $"Indiquez {name}.",
    };

    private static string? Text(string name, string answer, FieldRule rule, int longest)
    {
        var most = rule.MaxLength ?? longest;
        if (answer.Length > most) return $"{name} doit compter {most} caractères au plus (il en compte {answer.Length}).";
        if (rule.MinLength is { } least && answer.Length < least) return $"{name} doit compter au moins {least} caractères.";
        if (rule.Pattern is { } pattern && !Matches(pattern, answer))
            return string.IsNullOrWhiteSpace(rule.PatternMessage) ? $"{name} n'a pas la forme attendue." : rule.PatternMessage;
        return null;
    }

    // The whole answer must match: an administrator writes «[0-9]{5}» meaning five digits, not five among others.
    private static bool Matches(string pattern, string answer)
    {
        try
        {
            return Regex.IsMatch(answer, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromMilliseconds(200));
        }
        catch (Exception error) when (error is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string? Number(string name, string answer, FieldRule rule)
    {
        if (AnswerValues.Number(answer) is not { } number) return $"{name} doit être un nombre, par exemple 12 ou 3,5.";
        if (number < rule.Min) return $"{name} doit valoir au moins {AnswerValues.FrenchNumber(rule.Min.Value)}.";
        if (number > rule.Max) return $"{name} doit valoir au plus {AnswerValues.FrenchNumber(rule.Max.Value)}.";
        return null;
    }

    private static string? Date(string name, string answer, FieldRule rule, DateOnly today)
    {
        if (AnswerValues.Date(answer) is not { } day) return $"{name} n'est pas une date valable (jour, mois et année).";
        if (rule.MinDays is { } minDays && day < today.AddDays(minDays)) return minDays switch
        {
            0 => $"{name} ne peut pas être une date passée.",
            1 => $"{name} doit être une date à venir.",
            _ => $"{name} doit être le {AnswerDisplay.Date(today.AddDays(minDays))} ou après.",
        };
        if (rule.MaxDays is { } maxDays && day > today.AddDays(maxDays)) return maxDays switch
        {
            0 => $"{name} ne peut pas être une date à venir.",
            -1 => $"{name} doit être une date passée.",
            _ => $"{name} doit être le {AnswerDisplay.Date(today.AddDays(maxDays))} ou avant.",
        };
        return null;
    }

    private static string? Address(string name, string answer)
    {
        var lines = answer.Split('\n').Select(line => line.Trim()).ToList();
        if (lines.Count != 3) return $"Indiquez {name} : numéro et rue, code postal et commune.";
        if (lines[0].Length == 0) return $"{name} : indiquez le numéro et la rue, par exemple 12 rue des Écoles.";
        if (lines[1].Length == 0) return $"{name} : indiquez le code postal, par exemple 95000.";
        if (!ContactDetails.IsPostalCode(lines[1].Replace(" ", "", StringComparison.Ordinal)))
            return $"{name} : le code postal « {lines[1]} » doit compter 5 chiffres, par exemple 95000.";
        if (lines[2].Length == 0) return $"{name} : indiquez la commune, par exemple Cergy.";
        if (lines.Any(line => line.Length > LongestText)) return $"{name} doit compter {LongestText} caractères au plus par ligne.";
        return null;
    }

    private static string? Document(FormField field, string name, string answer, AnswerContext context)
    {
        if (answer == AnswerValues.SeenAtCounter)
            return context.AtCounter ? null : $"{name} : seul un agent, au guichet, peut indiquer une pièce vue sur papier.";
        if (!context.DocumentTypes.TryGetValue(answer, out var type)) return $"{name} : ce document n'est pas parmi vos documents.";
        if (type != field.DocumentType)
            return $"{name} : le document choisi n'est pas du type « {DocumentKinds.Find(field.DocumentType)?.Label ?? field.DocumentType} ».";
        return null;
    }

    private static bool IsOption(FormField field, string value) => (field.Options ?? []).Any(option => option.Value == value);
}

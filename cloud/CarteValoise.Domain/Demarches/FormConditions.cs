namespace CarteValoise.Domain.Demarches;

/// <summary>
/// When a condition holds, and so which pages and fields are shown. The form is read in order and a
/// condition sees only the answers of fields shown before it: an answer left on a field since
/// hidden (the citizen went back and changed their mind) shows nothing further.
/// </summary>
public static class FormConditions
{
    public static bool Holds(FieldCondition? condition, IReadOnlyDictionary<string, string> answers)
    {
        if (condition is null) return true;
        var answer = answers.TryGetValue(condition.FieldId, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        return condition.Operator switch
        {
            ConditionOperator.Filled => answer is not null,
            ConditionOperator.Empty => answer is null,
            ConditionOperator.Equals => IsAmong(answer, condition.Values),
            _ => !IsAmong(answer, condition.Values),
        };
    }

    public static IReadOnlyList<FormPage> ShownPages(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers) =>
        ShownForm.Of(definition, answers).Pages.Select(page => page.Page).ToList();

    /// <summary>The fields of a page the citizen is asked, in order; none when the page itself is hidden or unknown.</summary>
    public static IReadOnlyList<FormField> ShownFields(DemarcheDefinition definition, string pageId, IReadOnlyDictionary<string, string> answers) =>
        ShownForm.Of(definition, answers).Pages.FirstOrDefault(page => page.Page.Id == pageId)?.Fields.Select(field => field.Field).ToList() ?? [];

    /// <summary>The fields of a group's item <paramref name="index"/> (from 0) that are shown, a condition reading its own item's answers.</summary>
    public static IReadOnlyList<FormField> ShownItemFields(DemarcheDefinition definition, string groupId, int index, IReadOnlyDictionary<string, string> answers) =>
        ShownForm.Of(definition, answers).Pages.SelectMany(page => page.Fields).FirstOrDefault(field => field.Field.Id == groupId)
            is { } group && index < group.Items.Count ? group.Items[index] : [];

    // A multi-choice holds when any of its choices is among the values; a single answer is its own line.
    private static bool IsAmong(string? answer, IReadOnlyList<string>? values) =>
        answer is not null && (values ?? []).Any(value => AnswerValues.Lines(answer).Contains(value.Trim()) || answer.Trim() == value.Trim());
}

/// <summary>The form as shown for some answers: pages, their fields, and each group item's fields.</summary>
internal sealed record ShownForm(IReadOnlyList<ShownPage> Pages)
{
    public static ShownForm Of(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers)
    {
        // What a condition may read: only answers of fields shown so far.
        var seen = new Dictionary<string, string>();
        var pages = new List<ShownPage>();
        foreach (var page in definition.Pages)
        {
            if (!FormConditions.Holds(page.Condition, seen)) continue;
            var fields = new List<ShownField>();
            foreach (var field in page.Fields)
            {
                if (!FormConditions.Holds(field.Condition, seen)) continue;
                if (field.Kind != FieldKind.Group)
                {
                    fields.Add(new ShownField(field, []));
                    if (Answer(answers, field.Id) is { } answer) seen[field.Id] = answer;
                    continue;
                }
                var items = new List<IReadOnlyList<FormField>>();
                var count = AnswerValues.ItemCount(field.Id, answers.Keys);
                for (var index = 0; index < count; index++)
                {
                    var inItem = new Dictionary<string, string>(seen);
                    var shown = new List<FormField>();
                    foreach (var inner in field.Fields ?? [])
                    {
                        if (!FormConditions.Holds(inner.Condition, inItem)) continue;
                        shown.Add(inner);
                        if (Answer(answers, AnswerValues.ItemKey(field.Id, index, inner.Id)) is { } answer) inItem[inner.Id] = answer;
                    }
                    items.Add(shown);
                }
                fields.Add(new ShownField(field, items));
                // A condition on the group itself reads «filled» when it has an item.
                if (count > 0) seen[field.Id] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            pages.Add(new ShownPage(page, fields));
        }
        return new ShownForm(pages);
    }

    /// <summary>Every answer key the shown form asks, in order: field ids, and «groupe[i].champ» for each item's shown fields.</summary>
    public IEnumerable<(FormField Field, string Key)> Keys(ShownPage page)
    {
        foreach (var shown in page.Fields)
        {
            if (shown.Field.Kind != FieldKind.Group)
            {
                yield return (shown.Field, shown.Field.Id);
                continue;
            }
            for (var index = 0; index < shown.Items.Count; index++)
                foreach (var inner in shown.Items[index])
                    yield return (inner, AnswerValues.ItemKey(shown.Field.Id, index, inner.Id));
        }
    }

    public static string? Answer(IReadOnlyDictionary<string, string> answers, string key) =>
        answers.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

internal sealed record ShownPage(FormPage Page, IReadOnlyList<ShownField> Fields);

/// <param name="Items">For a group: each item's shown fields.</param>
internal sealed record ShownField(FormField Field, IReadOnlyList<IReadOnlyList<FormField>> Items);

using CarteValoise.Contracts.Demarches;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// Whether a page or a field is shown, from the answers as they stand: the pages need no
/// JavaScript, so a condition is weighed here, on the server, as the cloud weighs it (the cloud
/// decides in the end: it checks the fields shown and drops the answers of those hidden).
/// </summary>
public static class DemarcheConditions
{
    /// <param name="answerOf">The answer of a field id (a group item's sibling first, when the condition is inside a group).</param>
    public static bool Holds(FormCondition? condition, Func<string, string> answerOf)
    {
        if (condition is null || condition.FieldId.Length == 0) return true;
        var answer = answerOf(condition.FieldId);
        // A multi-choice holds "egal" when one of its choices is among the values.
        var chosen = AnswerKeys.Lines(answer).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        return condition.Operator switch
        {
            "egal" or "equals" => chosen.Any(condition.Values.Contains),
            "different" or "notEquals" => !chosen.Any(condition.Values.Contains),
            "rempli" or "filled" => chosen.Count > 0,
            "vide" or "empty" => chosen.Count == 0,
            _ => true,
        };
    }

    public static bool Holds(FormCondition? condition, IReadOnlyDictionary<string, string> answers) =>
        Holds(condition, id => answers.GetValueOrDefault(id, ""));

    /// <summary>The pages shown with these answers, in order.</summary>
    public static IReadOnlyList<FormPage> ShownPages(FormDefinition definition, IReadOnlyDictionary<string, string> answers) =>
        [.. definition.Pages.Where(page => Holds(page.Condition, answers))];

    /// <summary>Whether a field of this form drives the condition of another field of the same page (the page then offers to update itself).</summary>
    public static bool DrivesThePage(FormPage page) =>
        Fields(page.Fields).Any(field => field.Condition is { FieldId.Length: > 0 } condition
            && Fields(page.Fields).Any(other => other.FieldId == condition.FieldId));

    private static IEnumerable<FormField> Fields(IEnumerable<FormField> fields) =>
        fields.SelectMany(field => field.Fields.Count > 0 ? Fields(field.Fields).Prepend(field) : [field]);
}

using CarteValoise.Contracts.Demarches;
using CarteValoise.Web.Formatting;
using Microsoft.Extensions.Primitives;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The answers a form posts (inputs <c>reponses[clé]</c>, drawn by Pages/Shared/Demarches), in the
/// shapes the cloud reads: a multi-choice's boxes one per line, an address's three inputs on three
/// lines, a date as yyyy-MM-dd when it reads as one; and the group buttons: «Ajouter» and «Retirer»
/// (and «Mettre à jour le formulaire») redraw the page with what was typed, saving nothing.
/// </summary>
/// <param name="Answers">Every field of the posted pages: a field not posted (no box ticked, a field hidden) is empty.</param>
/// <param name="GroupItems">The items each group shows now.</param>
/// <param name="Edited">A group button or «Mettre à jour le formulaire» was pressed: draw the page again, save nothing.</param>
public sealed record PostedForm(Dictionary<string, string> Answers, Dictionary<string, int> GroupItems, bool Edited);

public static class PostedAnswers
{
    public const string AddButton = "ajouter";
    public const string RemoveButton = "retirer";
    public const string RefreshButton = "actualiser";

    /// <summary>The hidden input that says how many items a group showed: <c>groupes[personnes]</c>.</summary>
    public static string GroupItemsName(string groupId) => $"groupes[{groupId}]";

    /// <param name="fields">The fields of the pages the form showed (hidden ones included: their answers go empty).</param>
    public static PostedForm Read(IFormCollection form, IEnumerable<FormField> fields)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var edited = form.ContainsKey(RefreshButton);
        foreach (var field in fields)
        {
            if (field.Kind != FieldKind.Group)
            {
                answers[field.FieldId] = ValueOf(field, form[AnswerKeys.InputName(field.FieldId)]);
                continue;
            }
            var count = Math.Clamp(int.TryParse(form[GroupItemsName(field.FieldId)], out var shown) ? shown : 0, 0, MaxItems(field));
            for (var i = 0; i < count; i++)
                foreach (var inner in field.Fields)
                {
                    var key = AnswerKeys.Item(field.FieldId, i, inner.FieldId);
                    answers[key] = ValueOf(inner, form[AnswerKeys.InputName(key)]);
                }
            if (form[AddButton] == field.FieldId && count < MaxItems(field))
            {
                count++;
                edited = true;
            }
            if (RemovedItem(form[RemoveButton], field.FieldId) is { } removed && removed < count)
            {
                RemoveItem(answers, field, removed, count);
                count--;
                edited = true;
            }
            items[field.FieldId] = count;
        }
        return new PostedForm(answers, items, edited);
    }

    /// <summary>The value of the «Retirer» button of an item: <c>personnes[1]</c>.</summary>
    public static string RemoveValue(string groupId, int index) => $"{groupId}[{index}]";

    private static int MaxItems(FormField group) => group.MaxItems > 0 ? group.MaxItems : 50;

    private static int? RemovedItem(StringValues pressed, string groupId) =>
        pressed.ToString() is var value && value.StartsWith(groupId + "[", StringComparison.Ordinal) && value.EndsWith(']')
            && int.TryParse(value.AsSpan(groupId.Length + 1, value.Length - groupId.Length - 2), out var index) && index >= 0
            ? index : null;

    /// <summary>The items after the one removed move up one place, keeping what was typed in them.</summary>
    private static void RemoveItem(Dictionary<string, string> answers, FormField group, int removed, int count)
    {
        foreach (var inner in group.Fields)
        {
            for (var i = removed; i < count - 1; i++)
                answers[AnswerKeys.Item(group.FieldId, i, inner.FieldId)] = answers.GetValueOrDefault(AnswerKeys.Item(group.FieldId, i + 1, inner.FieldId), "");
            answers.Remove(AnswerKeys.Item(group.FieldId, count - 1, inner.FieldId));
        }
    }

    private static string ValueOf(FormField field, StringValues posted)
    {
        var values = posted.Select(value => (value ?? "").Trim()).ToList();
        switch (field.Kind)
        {
            case FieldKind.MultiChoice:
                return string.Join('\n', values.Where(value => value.Length > 0));
            case FieldKind.Address:
                // Street, postal code, city: kept in their places, or nothing at all when none is typed.
                while (values.Count < 3) values.Add("");
                return values.All(value => value.Length == 0) ? "" : string.Join('\n', values.Take(3));
            case FieldKind.Date:
                var typed = values.FirstOrDefault() ?? "";
                return FrenchFormat.TryParseTypedDay(typed, out var day) ? FrenchFormat.WireDay(day) : typed;
            case FieldKind.LongText:
                return (posted.FirstOrDefault() ?? "").Replace("\r\n", "\n").Trim();
            default:
                return values.FirstOrDefault() ?? "";
        }
    }

    /// <summary>The fields of pages, as Read wants them.</summary>
    public static IEnumerable<FormField> FieldsOf(IEnumerable<FormPage> pages) => pages.SelectMany(page => page.Fields);
}

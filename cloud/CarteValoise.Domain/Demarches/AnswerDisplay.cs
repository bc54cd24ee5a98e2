using System.Globalization;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Domain.Demarches;

/// <summary>A page of answers as a person reads it: its title and its rows.</summary>
public sealed record AnswerSection(string PageTitle, IReadOnlyList<AnswerRow> Rows);

/// <param name="Label">«Type d'acte», «Personne 1 — Prénom».</param>
/// <param name="Value">«Copie intégrale», «12 mars 2026», «12 rue des Écoles, 95000 Cergy».</param>
public sealed record AnswerRow(string Label, string Value);

/// <summary>
/// The answers as a person reads them, for the agent's detail and the PDFs: option labels rather
/// than values, dates in words, a child's and a document's name rather than their ids. Shown pages
/// only; a field left unanswered is left out.
/// </summary>
public static class AnswerDisplay
{
    /// <summary>What a document field answered at the counter reads.</summary>
    public const string SeenAtCounterText = "Vue au guichet";

    public static IReadOnlyList<AnswerSection> Sections(DemarcheDefinition definition, IReadOnlyDictionary<string, string> answers,
        Func<string, string?> childName, Func<string, string?> documentName)
    {
        var form = ShownForm.Of(definition, answers);
        var sections = new List<AnswerSection>();
        foreach (var page in form.Pages)
        {
            var rows = new List<AnswerRow>();
            foreach (var shown in page.Fields)
            {
                if (shown.Field.Kind != FieldKind.Group)
                {
                    if (ShownForm.Answer(answers, shown.Field.Id) is { } answer)
                        rows.Add(new AnswerRow(shown.Field.Label, Value(shown.Field, answer.Trim(), childName, documentName)));
                    continue;
                }
                for (var index = 0; index < shown.Items.Count; index++)
                    foreach (var inner in shown.Items[index])
                        if (ShownForm.Answer(answers, AnswerValues.ItemKey(shown.Field.Id, index, inner.Id)) is { } answer)
                            rows.Add(new AnswerRow(ItemLabel(shown.Field, index, inner),
                                Value(inner, answer.Trim(), childName, documentName)));
            }
            if (rows.Count > 0) sections.Add(new AnswerSection(page.Page.Title, rows));
        }
        return sections;
    }

    /// <summary>«Personne 1 — Prénom»: a group item's field, items counted from 1.</summary>
    public static string ItemLabel(FormField group, int index, FormField field) =>
        string.Create(CultureInfo.InvariantCulture, $"{group.Label} {index + 1} — {field.Label}");

    /// <summary>One answer as read.</summary>
    public static string Value(FormField field, string answer, Func<string, string?> childName, Func<string, string?> documentName) => field.Kind switch
    {
        FieldKind.Choice => OptionLabel(field, answer),
        FieldKind.MultiChoice => string.Join(", ", AnswerValues.Lines(answer).Select(value => OptionLabel(field, value))),
        FieldKind.Date => AnswerValues.Date(answer) is { } day ? Date(day) : answer,
        FieldKind.Address => AnswerValues.AddressParts(answer) is var (street, postalCode, city)
            ? $"{street}, {postalCode} {city}"
            : string.Join(", ", AnswerValues.Lines(answer)),
        FieldKind.Phone => ContactDetails.Phone(answer) ?? answer,
        FieldKind.Child => childName(answer) ?? answer,
        FieldKind.Document => answer == AnswerValues.SeenAtCounter ? SeenAtCounterText : documentName(answer) ?? answer,
        _ => answer,
    };

    /// <summary>«12 mars 2026», «1er mars 2026».</summary>
    public static string Date(DateOnly day) =>
        $"{(day.Day == 1 ? "1er" : day.Day.ToString(CultureInfo.InvariantCulture))} {FrenchText.Month(day.Month)} {day.Year.ToString(CultureInfo.InvariantCulture)}";

    private static string OptionLabel(FormField field, string value) =>
        (field.Options ?? []).FirstOrDefault(option => option.Value == value)?.Label ?? value;
}

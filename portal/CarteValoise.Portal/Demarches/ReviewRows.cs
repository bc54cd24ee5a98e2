using CarteValoise.Contracts.Demarches;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Demarches;

/// <summary>One answer as the review before sending shows it: under its answer key (the id the error summary links to).</summary>
public sealed record ReviewRow(string Key, string Label, string Value, bool Answered);

/// <summary>
/// The answers of a page as a person reads them before sending: a choice's label rather than its
/// value, a date in French, a child's name, a document's file name, each group item in turn. Fields
/// the conditions hide are left out, as the cloud leaves them out of the request.
/// </summary>
public static class ReviewRows
{
    public static IReadOnlyList<ReviewRow> Of(FormPage page, FormView form)
    {
        var rows = new List<ReviewRow>();
        foreach (var field in page.Fields.Where(field => form.Shows(field)))
        {
            if (field.Kind != FieldKind.Group)
            {
                rows.Add(Row(field, field.FieldId, field.Label, form));
                continue;
            }
            var count = form.ItemsOf(field);
            if (count == 0) rows.Add(new ReviewRow(field.FieldId, field.Label, "Aucun", true));
            for (var i = 0; i < count; i++)
            {
                var prefix = AnswerKeys.Item(field.FieldId, i, "");
                foreach (var inner in field.Fields.Where(inner => form.Shows(inner, prefix)))
                    rows.Add(Row(inner, prefix + inner.FieldId, $"{field.Label} n° {i + 1} — {inner.Label}", form));
            }
        }
        return rows;
    }

    private static ReviewRow Row(FormField field, string key, string label, FormView form)
    {
        var value = form.Answer(key);
        var shown = value.Trim().Length == 0 ? "" : Readable(field, value, form);
        return new ReviewRow(key, label, shown.Length == 0 ? "Non renseigné" : shown, shown.Length > 0);
    }

    private static string Readable(FormField field, string value, FormView form)
    {
        switch (field.Kind)
        {
            case FieldKind.Choice:
            case FieldKind.MultiChoice:
                return string.Join(", ", AnswerKeys.Lines(value).Where(line => line.Length > 0)
                    .Select(line => field.Options.FirstOrDefault(option => option.Value == line)?.Label ?? line));
            case FieldKind.Date:
                // As the request will show it: «14 mai 1990», «1er juin 2026».
                return FrenchFormat.TryParseWireDay(value, out var day)
                    ? day.ToString(day.Day == 1 ? "'1er' MMMM yyyy" : "d MMMM yyyy", FrenchFormat.French)
                    : value;
            case FieldKind.Address:
                return string.Join(", ", AnswerKeys.Lines(value).Where(line => line.Trim().Length > 0));
            case FieldKind.Child:
                return form.Children.FirstOrDefault(child => child.ChildId == value)?.Name ?? value;
            case FieldKind.Document:
                if (value == AnswerKeys.SeenAtCounter) return "Pièce vue au guichet";
                return form.Documents.FirstOrDefault(document => document.DocumentId == value) is { } document
                    ? $"{document.FileName} ({document.TypeLabel})"
                    : "Document introuvable dans votre coffre";
            default:
                return value;
        }
    }
}

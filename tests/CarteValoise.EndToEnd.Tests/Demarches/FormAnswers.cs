using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>
/// A page's answers as a careful citizen gives them, read from the form the cloud sends (so that the
/// tests follow the built-in definition as its authors word it): what the test says for a field, or
/// the household's prefill, or a plausible answer of the field's kind within its rule. Answers of
/// fields a condition hides are given too: the cloud drops them, as it does a browser's.
/// </summary>
public static class FormAnswers
{
    public static Dictionary<string, string> For(Form form, FormPage page, string citizenName, string email, IReadOnlyDictionary<string, string> chosen)
    {
        var answers = new Dictionary<string, string>();
        foreach (var field in page.Fields) Answer(form, field, field.FieldId, citizenName, email, chosen, answers);
        return answers;
    }

    private static void Answer(Form form, FormField field, string key, string citizenName, string email,
        IReadOnlyDictionary<string, string> chosen, Dictionary<string, string> answers)
    {
        if (chosen.TryGetValue(key, out var given) || chosen.TryGetValue(field.FieldId, out given))
        {
            answers[key] = given;
            return;
        }
        if (field.Kind == FieldKind.Group)
        {
            var items = Math.Max(field.MinItems, field.Required ? 1 : 0);
            for (var i = 0; i < items; i++)
                foreach (var inner in field.Fields)
                    Answer(form, inner, $"{field.FieldId}[{i}].{inner.FieldId}", citizenName, email, chosen, answers);
            return;
        }
        if (form.Answers.TryGetValue(key, out var prefilled) && prefilled.Length > 0)
        {
            answers[key] = prefilled;
            return;
        }
        var value = Plausible(form, field, citizenName, email);
        if (value is not null) answers[key] = value;
    }

    private static string? Plausible(Form form, FormField field, string citizenName, string email)
    {
        var (given, family) = (citizenName.Split(' ')[0], citizenName[(citizenName.IndexOf(' ') + 1)..]);
        var id = field.FieldId.ToLowerInvariant();
        return field.Kind switch
        {
            FieldKind.Text when id.Contains("prenom", StringComparison.Ordinal) => given,
            FieldKind.Text when id.Contains("nom", StringComparison.Ordinal) => family,
            FieldKind.Text when id.Contains("code-postal", StringComparison.Ordinal) || id.Contains("codepostal", StringComparison.Ordinal) => "95000",
            FieldKind.Text when id.Contains("lieu", StringComparison.Ordinal) || id.Contains("ville", StringComparison.Ordinal) || id.Contains("commune", StringComparison.Ordinal) => "Cergy",
            FieldKind.Text => Fit("Durand", field),
            FieldKind.LongText => Fit("Pour constituer un dossier de passeport.", field),
            FieldKind.Number => field.Min.Length > 0 ? field.Min : "1",
            FieldKind.Date => DateWithin(field),
            FieldKind.Choice or FieldKind.MultiChoice => field.Options.FirstOrDefault()?.Value,
            FieldKind.Address => "12 rue des Écoles\n95000\nCergy",
            FieldKind.Email => email,
            FieldKind.Phone => "06 12 34 56 78",
            FieldKind.Child => form.Children.FirstOrDefault()?.ChildId,
            FieldKind.Document => form.Documents.FirstOrDefault(d => d.TypeCode == field.DocumentType && d.Usable)?.DocumentId,
            _ => null,
        };
    }

    private static string Fit(string text, FormField field) => field.MaxLength > 0 && text.Length > field.MaxLength ? text[..field.MaxLength] : text;

    /// <summary>A birth date of 1990 unless the rule bounds the date elsewhere: then its latest day allowed.</summary>
    private static string DateWithin(FormField field)
    {
        if (field.Max.Length > 0) return field.Max;
        if (field.Min.Length > 0) return field.Min;
        return ServiceDay.Format(new DateOnly(1990, 5, 14));
    }
}

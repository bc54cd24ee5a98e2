using CarteValoise.Contracts.Demarches;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// What the field partials (Pages/Shared/Demarches) draw a form from: the answers as they stand (saved
/// by the cloud, or as just typed when the page comes back), the citizen's children and safe
/// documents for the child and document fields, the errors by answer key, and how many items each
/// group shows. The citizen's pages and the counter's page both fill one.
/// </summary>
public sealed class FormView
{
    public required IReadOnlyDictionary<string, string> Answers { get; init; }

    /// <summary>The errors, under each answer key (as the cloud's trailer gives them).</summary>
    public required ModelStateDictionary Errors { get; init; }

    public IReadOnlyList<FormChild> Children { get; init; } = [];

    public IReadOnlyList<FormDocument> Documents { get; init; } = [];

    /// <summary>At the counter a document field is the paper the agent sees («Pièce vue au guichet»), not a document of a safe.</summary>
    public bool AtCounter { get; init; }

    /// <summary>The items a group shows, by group id, when the page decided it (after «Ajouter» or «Retirer»); otherwise from the answers.</summary>
    public IReadOnlyDictionary<string, int> GroupItems { get; init; } = new Dictionary<string, int>();

    public string Answer(string key) => Answers.GetValueOrDefault(key, "");

    public string? Error(string key) =>
        Errors.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>How many items a group shows: as the page decided, else as many as answered, at least its minimum.</summary>
    public int ItemsOf(FormField group)
    {
        if (GroupItems.TryGetValue(group.FieldId, out var decided)) return decided;
        var prefix = group.FieldId + "[";
        var answered = Answers.Keys
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(key => int.TryParse(key.AsSpan(prefix.Length, Math.Max(0, key.IndexOf(']', prefix.Length) - prefix.Length)), out var index) ? index + 1 : 0)
            .DefaultIfEmpty(0)
            .Max();
        return Math.Max(answered, group.MinItems);
    }

    /// <summary>Whether a field is shown: its condition on the answers (a group item's sibling first).</summary>
    public bool Shows(FormField field, string itemPrefix = "") =>
        DemarcheConditions.Holds(field.Condition, id =>
            itemPrefix.Length > 0 && Answers.TryGetValue(itemPrefix + id, out var sibling) ? sibling : Answer(id));

    public bool Shows(FormPage page) => DemarcheConditions.Holds(page.Condition, Answers);

    /// <summary>A field of a page, or of a group's item (<paramref name="itemPrefix"/> «personnes[1].»).</summary>
    public FieldInput Input(FormField field, string itemPrefix = "") => new(field, itemPrefix + field.FieldId, itemPrefix, this);

    /// <summary>The safe's documents a document field offers: those of its type.</summary>
    public IReadOnlyList<FormDocument> DocumentsFor(FormField field) =>
        [.. Documents.Where(document => document.TypeCode == field.DocumentType)];
}

/// <summary>One field as the partial _FormField draws it: its answer key (the id of its first input, for the error summary's link), its answer and its error.</summary>
public sealed record FieldInput(FormField Field, string Key, string ItemPrefix, FormView Form)
{
    public string Name => AnswerKeys.InputName(Key);

    public string Value => Form.Answer(Key);

    public string? Error => Form.Error(Key);

    public string HintId => $"{Key}-aide";

    public string ErrorId => $"{Key}-erreur";

    public bool HasHint => Field.Help.Length > 0 || Field.RuleHint.Length > 0;

    /// <summary>The hint and the error an input is described by (aria-describedby), or null.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { HasHint ? HintId : null, Error is null ? null : ErrorId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    public string Invalid => Error is null ? "false" : "true";

    /// <summary>The id of the i-th input of a choice (the first is the key itself).</summary>
    public string OptionId(int index) => index == 0 ? Key : $"{Key}-{index + 1}";

    public bool IsChosen(string value) => AnswerKeys.Lines(Value).Contains(value);

    /// <summary>A line of an address answer: 0 street, 1 postal code, 2 city.</summary>
    public string AddressLine(int line) => AnswerKeys.Lines(Value) is var lines && line < lines.Count ? lines[line] : "";

    public string? Min => Field.Min.Length > 0 ? Field.Min : null;

    public string? Max => Field.Max.Length > 0 ? Field.Max : null;

    public int? MaxLength => Field.MaxLength > 0 ? Field.MaxLength : null;
}

/// <summary>One page of the form as the partial _FormPage draws it: its heading, its help, its shown fields.</summary>
public sealed record PageInput(FormPage Page, FormView Form, string? Heading = null);

using CarteValoise.Contracts.Demarches;

namespace CarteValoise.Kiosk.Demarches;

/// <summary>
/// Which démarches a kiosk offers, and what of their form it draws. A kiosk holds no safe and knows
/// no child of a household: a démarche that requires a document or a child is done on the portal or
/// at the counter (the cloud refuses documents too); an optional document or child field is left out
/// of the screen, unanswered.
/// </summary>
public static class KioskForms
{
    public static bool CanBeFiled(FormDefinition definition) =>
        !Flattened(definition.Pages.SelectMany(page => page.Fields)).Any(field => field.Required && !Drawn(field));

    /// <summary>The definition as the kiosk draws it: its document and child fields taken out.</summary>
    public static FormDefinition Drawn(FormDefinition definition)
    {
        var drawn = definition.Clone();
        foreach (var page in drawn.Pages) Trim(page.Fields);
        return drawn;
    }

    private static void Trim(Google.Protobuf.Collections.RepeatedField<FormField> fields)
    {
        var kept = fields.Where(Drawn).ToList();
        fields.Clear();
        fields.AddRange(kept);
        foreach (var field in kept) Trim(field.Fields);
    }

    private static bool Drawn(FormField field) => field.Kind is not (FieldKind.Document or FieldKind.Child);

    private static IEnumerable<FormField> Flattened(IEnumerable<FormField> fields) =>
        fields.SelectMany(field => Flattened(field.Fields).Prepend(field));
}

using System.Globalization;

namespace CarteValoise.Domain.Demarches;

/// <summary>
/// A field's rule told before the citizen types, in the hint under the field and in the input's
/// attributes, so the browser and the reader know the bounds the checks will hold them to.
/// </summary>
public static class FieldHints
{
    /// <summary>«Entre 1 et 10.», «Une date passée.», «10 chiffres.», «12 caractères au plus.»; "" when the field has no rule to tell.</summary>
    public static string Describe(FormField field)
    {
        var rule = field.Rule ?? new FieldRule();
        return field.Kind switch
        {
            FieldKind.Number => Bounds(rule.Min is { } min ? AnswerValues.FrenchNumber(min) : null,
                rule.Max is { } max ? AnswerValues.FrenchNumber(max) : null, ""),
            FieldKind.Date => Days(rule.MinDays, rule.MaxDays),
            FieldKind.Phone => "10 chiffres.",
            FieldKind.Email => "Par exemple marie.martin@exemple.fr.",
            FieldKind.Text or FieldKind.LongText => Bounds(rule.MinLength?.ToString(CultureInfo.InvariantCulture),
                rule.MaxLength?.ToString(CultureInfo.InvariantCulture), " caractères"),
            FieldKind.MultiChoice => "Plusieurs réponses possibles.",
            FieldKind.Group => Math.Max(field.MinItems, field.Required ? 1 : 0) is var least and > 0
                ? $"De {least} à {field.MaxItems}."
                : $"Jusqu'à {field.MaxItems}.",
            _ => "",
        };
    }

    /// <summary>The input's «min»: a number's lower bound, a date's earliest day (yyyy-MM-dd); "" when none.</summary>
    public static string HtmlMin(FormField field, DateOnly today) => field.Kind switch
    {
        FieldKind.Number when field.Rule?.Min is { } min => min.ToString(CultureInfo.InvariantCulture),
        FieldKind.Date when field.Rule?.MinDays is { } days => AnswerValues.DateValue(today.AddDays(days)),
        _ => "",
    };

    /// <summary>The input's «max»: a number's upper bound, a date's latest day (yyyy-MM-dd); "" when none.</summary>
    public static string HtmlMax(FormField field, DateOnly today) => field.Kind switch
    {
        FieldKind.Number when field.Rule?.Max is { } max => max.ToString(CultureInfo.InvariantCulture),
        FieldKind.Date when field.Rule?.MaxDays is { } days => AnswerValues.DateValue(today.AddDays(days)),
        _ => "",
    };

    /// <summary>The input's «maxlength» for a text: its rule's, else the longest the checks take; 0 for other kinds.</summary>
    public static int HtmlMaxLength(FormField field) => field.Kind switch
    {
        FieldKind.Text => field.Rule?.MaxLength ?? AnswerChecks.LongestText,
        FieldKind.LongText => field.Rule?.MaxLength ?? AnswerChecks.LongestLongText,
        _ => 0,
    };

    private static string Bounds(string? least, string? most, string unit) => (least, most) switch
    {
        ({ } low, { } high) => $"Entre {low} et {high}{unit}.",
        ({ } low, null) => $"Au moins {low}{unit}.",
        (null, { } high) when unit.Length > 0 => $"{high}{unit} au plus.",
        (null, { } high) => $"Au plus {high}.",
        _ => "",
    };

    private static string Days(int? minDays, int? maxDays) => (minDays, maxDays) switch
    {
        ({ } min, { } max) => $"Entre {Relative(min)} et {Relative(max)}.",
        (1, null) => "Une date à venir.",
        (0, null) => "Aujourd'hui ou après.",
        ({ } min, null) => $"{Capital(Relative(min))} au plus tôt.",
        (null, -1) => "Une date passée.",
        (null, 0) => "Aujourd'hui ou avant.",
        (null, { } max) => $"{Capital(Relative(max))} au plus tard.",
        _ => "",
    };

    private static string Relative(int days) => days switch
    {
        0 => "aujourd'hui",
        1 => "demain",
        -1 => "hier",
        > 1 => $"dans {days} jours",
        _ => $"il y a {-days} jours",
    };

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

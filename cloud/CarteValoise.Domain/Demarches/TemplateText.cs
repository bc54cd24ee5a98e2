using System.Text.RegularExpressions;

namespace CarteValoise.Domain.Demarches;

/// <summary>Fills «{{key}}» in a template's text from values; an unknown key becomes empty.</summary>
public static partial class TemplateText
{
    /// <summary>
    /// What a template or a move's message may name besides the démarche's fields: the request's
    /// number, the démarche's title, the commune's name, the citizen's name, the day it was filed,
    /// today, and the reason an agent gave.
    /// </summary>
    public static IReadOnlyList<string> StandardKeys { get; } = ["reference", "titre", "commune", "demandeur", "date-depot", "date", "motif"];

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups["key"].Value, out var value) ? value : "");

    /// <summary>The keys a text names, in order, each once.</summary>
    public static IReadOnlyList<string> Keys(string? template) =>
        Placeholder().Matches(template ?? "").Select(match => match.Groups["key"].Value).Distinct().ToList();

    [GeneratedRegex(@"\{\{\s*(?<key>[^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();
}

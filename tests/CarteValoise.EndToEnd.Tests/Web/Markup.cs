using System.Net;
using System.Text.RegularExpressions;

namespace CarteValoise.EndToEnd.Tests.Web;

/// <summary>An opening tag of a page, its attributes decoded, and where it sits in the page.</summary>
public sealed record Tag(string Name, IReadOnlyDictionary<string, string> Attributes, int Start, int End)
{
    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public bool HasClass(string name) => this["class"]?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name) == true;
}

/// <summary>
/// Just enough HTML reading for the markers the portal and kiosk promise (data-* attributes, ids,
/// form fields). Razor encodes non-ASCII letters and '+' as character references, so every
/// attribute value and every text is decoded before it is compared.
/// </summary>
public static partial class Markup
{
    public static IEnumerable<Tag> Tags(string html, string name, int from = 0, int to = int.MaxValue)
    {
        foreach (Match match in TagPattern().Matches(html))
        {
            if (match.Index < from || match.Index >= to) continue;
            if (!match.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match attribute in AttributePattern().Matches(match.Groups["attributes"].Value))
                attributes[attribute.Groups["name"].Value] = WebUtility.HtmlDecode(
                    attribute.Groups["double"].Success ? attribute.Groups["double"].Value
                    : attribute.Groups["single"].Success ? attribute.Groups["single"].Value
                    : attribute.Groups["bare"].Value);
            yield return new Tag(name, attributes, match.Index, match.Index + match.Length);
        }
    }

    /// <summary>Where the element opened by this tag closes (elements of these pages do not nest in themselves).</summary>
    public static int EndOf(string html, Tag tag)
    {
        var close = html.IndexOf($"</{tag.Name}", tag.End, StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html.Length : close;
    }

    /// <summary>What a reader sees: the text without tags, references decoded, blanks collapsed.</summary>
    public static string Text(string html) =>
        Blanks().Replace(WebUtility.HtmlDecode(AnyTag().Replace(NonText().Replace(html, " "), " ")), " ").Trim();

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attributes>(?:\s+[^\s=>/]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s>]+))?)*)\s*/?>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<name>[^\s=>/]+)(?:\s*=\s*(?:""(?<double>[^""]*)""|'(?<single>[^']*)'|(?<bare>[^\s>]+)))?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NonText();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}

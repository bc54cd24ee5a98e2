using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteValoise.Domain.Household;

/// <summary>
/// A dossier change request's reference, as the citizen quotes it at the counter: «DOS-95127-2026-000012»,
/// the commune processing it, the year it was submitted (Paris), and its number in that commune's
/// year, from 1 without gaps.
/// </summary>
public sealed partial record DossierReference(string CommuneCode, int Year, int Number)
{
    public const string Prefix = "DOS";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{CommuneCode}-{Year:D4}-{Number:D6}");

    public static bool TryParse(string? text, out DossierReference reference)
    {
        reference = null!;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        reference = new DossierReference(match.Groups["commune"].Value,
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));
        return reference.Number > 0;
    }

    [GeneratedRegex(@"^DOS-(?<commune>[0-9][0-9AB][0-9]{3})-(?<year>[0-9]{4})-(?<number>[0-9]{6})$")]
    private static partial Regex Pattern();
}

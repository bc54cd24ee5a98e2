using System.Globalization;
using System.Text;

namespace CarteValoise.Domain.Documents;

/// <summary>
/// The name a citizen's file is kept and downloaded under: a plain name, no path, nothing invisible,
/// not too long, and an extension that says what the content is.
/// </summary>
public static class DocumentFileName
{
    public const int MaxLength = 120;

    /// <summary>Shown in messages; a longer name is cut there.</summary>
    private const int ShownLength = 60;

    /// <summary>Every reason the name cannot be kept, in French; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(string? name)
    {
        var problems = new List<string>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Trim('.').Length == 0)
        {
            problems.Add("Le fichier n'a pas de nom : donnez-lui un nom, par exemple « justificatif.pdf », puis envoyez-le à nouveau.");
            return problems;
        }
        if (trimmed.Contains('/') || trimmed.Contains('\\') || trimmed.Contains("..", StringComparison.Ordinal))
            problems.Add($"Le nom « {Shown(trimmed)} » contient un chemin (« / », « \\ » ou « .. ») : envoyez le fichier sous un nom simple, par exemple « justificatif.pdf ».");
        if (trimmed.Any(IsInvisible))
            problems.Add("Le nom du fichier contient des caractères invisibles ou de contrôle : renommez-le avec des lettres, des chiffres et des tirets, puis envoyez-le à nouveau.");
        if (trimmed.Length > MaxLength)
            problems.Add($"Le nom du fichier compte {trimmed.Length} caractères, {MaxLength} au plus : renommez-le plus court, puis envoyez-le à nouveau.");
        return problems;
    }

    /// <summary>
    /// The name kept for an accepted file: an extension the content has is kept; a known one that
    /// belies the content is replaced («scan.jpg» holding a PNG becomes «scan.png»); otherwise the
    /// content's is added.
    /// </summary>
    public static string Normalized(string name, FileFormat format)
    {
        var trimmed = name.Trim();
        var extension = Path.GetExtension(trimmed).ToLowerInvariant();
        if (format.Extensions.Contains(extension)) return trimmed;
        var stem = FileFormat.All.Any(f => f.Extensions.Contains(extension)) ? trimmed[..^extension.Length] : trimmed;
        if (stem.Length + format.Extension.Length > MaxLength) stem = stem[..(MaxLength - format.Extension.Length)];
        return stem + format.Extension;
    }

    /// <summary>The name as a message may quote it: invisible characters as «?», a long name cut.</summary>
    public static string Shown(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? "").Trim()) text.Append(IsInvisible(c) ? '?' : c);
        return text.Length > ShownLength ? text.ToString(0, ShownLength) + "…" : text.ToString();
    }

    /// <summary>Control characters, and the format ones that can disguise a name (U+202E turns «fdp.exe» around).</summary>
    private static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}

using PdfSharp.Fonts;

namespace CarteValoise.Cloud.Documents;

/// <summary>
/// The fonts of the PDF documents: DejaVu Sans, read from the Debian package fonts-dejavu-core.
/// PDFsharp's core build finds no font by itself on Linux, and DejaVu has every accent and the
/// euro sign. The font is embedded in each document, so a family's reader needs nothing installed.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DebianDirectory = "/usr/share/fonts/truetype/dejavu";

    private static readonly Dictionary<string, string> Files = new()
    {
        ["DejaVuSans"] = "DejaVuSans.ttf",
        ["DejaVuSans-Bold"] = "DejaVuSans-Bold.ttf",
        ["DejaVuSans-Oblique"] = "DejaVuSans-Oblique.ttf",
        ["DejaVuSans-BoldOblique"] = "DejaVuSans-BoldOblique.ttf",
    };

    private static readonly Lock Installing = new();
    private readonly Dictionary<string, byte[]> _faces;

    private DejaVuFontResolver(Dictionary<string, byte[]> faces) => _faces = faces;

    /// <summary>The faces read from <paramref name="directory"/>, or an exception that says which package to install.</summary>
    public static DejaVuFontResolver From(string directory)
    {
        var missing = Files.Values.Where(file => !File.Exists(Path.Combine(directory, file))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Police DejaVu Sans introuvable pour les documents PDF : {string.Join(", ", missing)} manque dans {directory}. "
                + "Installez le paquet Debian fonts-dejavu-core (apt-get install fonts-dejavu-core).");
        return new DejaVuFontResolver(Files.ToDictionary(f => f.Key, f => File.ReadAllBytes(Path.Combine(directory, f.Value))));
    }

    /// <summary>
    /// PDFsharp keeps one resolver for the whole process, set before its first font: the first
    /// document installs it, every later one finds it there.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Installing)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case DejaVuFontResolver:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = From(DebianDirectory);
                    return;
                case var other:
                    throw new InvalidOperationException($"Un autre résolveur de polices ({other.GetType().Name}) est déjà installé dans PDFsharp : les documents attendent DejaVu Sans.");
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var face) ? face : null;
}

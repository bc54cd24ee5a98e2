using System.Text;

namespace CarteValoise.Domain.Documents;

/// <summary>What a file's bytes turned out to be.</summary>
/// <param name="Format">The accepted format, or null when refused.</param>
/// <param name="Refusal">Why it is refused, completing «« name » …»; null when accepted.</param>
public sealed record SniffedContent(FileFormat? Format, string? Refusal)
{
    public bool Accepted => Format is not null;
}

/// <summary>
/// Finds a file's format from its bytes alone — its name and the type the browser declared prove
/// nothing: a PDF starts with «%PDF-» and ends with its cross-reference pointer and «%%EOF»; a JPEG
/// starts with FF D8 FF, runs through well-formed segments to its image data and ends with FF D9; a
/// PNG starts with its 8-byte signature and runs through chunks whose CRCs hold, from IHDR to IEND.
/// Anything else is refused, and a program, an archive or a script is named as such.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>How far from the end a PDF's trailer (startxref … %%EOF) may be, trailing blanks included.</summary>
    private const int PdfTrailerWindow = 1024;

    public static SniffedContent Sniff(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return Refused("est vide");
        if (content.StartsWith(PdfMagic))
            return IsWholePdf(content) ? new(FileFormat.Pdf, null) : Damaged(FileFormat.Pdf);
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
            return JpegSegments.IsWhole(content) ? new(FileFormat.Jpeg, null) : Damaged(FileFormat.Jpeg);
        if (content.StartsWith(PngSignature))
            return PngChunks.IsWhole(content) ? new(FileFormat.Png, null) : Damaged(FileFormat.Png);
        return Refused(Dangerous(content) ?? "n'est ni un PDF, ni une image JPEG, ni une image PNG");
    }

    private static bool IsWholePdf(ReadOnlySpan<byte> content)
    {
        // «%PDF-1.7»: a version, digit dot digit.
        if (content.Length < 8 || !char.IsAsciiDigit((char)content[5]) || content[6] != (byte)'.' || !char.IsAsciiDigit((char)content[7])) return false;
        var tail = content[Math.Max(0, content.Length - PdfTrailerWindow)..];
        var startXref = tail.LastIndexOf("startxref"u8);
        return startXref >= 0 && tail[startXref..].IndexOf("%%EOF"u8) > 0;
    }

    private static readonly byte[][] Programs =
    [
        "MZ"u8.ToArray(),                  // Windows (PE)
        [0x7F, 0x45, 0x4C, 0x46],          // Linux (ELF)
        [0xCA, 0xFE, 0xBA, 0xBE],          // macOS (universal)
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE], // macOS (Mach-O)
    ];

    private static readonly byte[][] Archives =
    [
        "PK"u8.ToArray(),                  // ZIP, and the Office formats built on it
        "Rar!"u8.ToArray(),
        [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], // 7z
        [0x1F, 0x8B],                      // gzip
    ];

    private static readonly string[] Markup = ["<script", "<html", "<!doctype", "<?php", "<?xml", "<svg", "<body", "<iframe"];

    /// <summary>Names what is dangerous to accept under a document's name; null when it is merely another format.</summary>
    private static string? Dangerous(ReadOnlySpan<byte> content)
    {
        foreach (var magic in Programs)
            if (content.StartsWith(magic)) return "est un programme exécutable, pas un document";
        foreach (var magic in Archives)
            if (content.StartsWith(magic)) return "est une archive compressée (ZIP ou document Office, par exemple), pas un PDF ni une image";
        if (content.StartsWith("#!"u8)) return "est un script, pas un document";
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return Markup.Any(head.StartsWith) ? "est une page web ou un script, pas un document" : null;
    }

    private static SniffedContent Damaged(FileFormat format) =>
        Refused($"commence comme un {format.Name} mais n'en est pas un complet (fichier tronqué ou endommagé)");

    private static SniffedContent Refused(string why) => new(null, why);
}

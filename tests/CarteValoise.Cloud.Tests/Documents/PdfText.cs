using Xunit;
using System.Diagnostics;

namespace CarteValoise.Cloud.Tests.Documents;

/// <summary>
/// The text a reader of a PDF sees, page by page, from poppler's pdftotext (Debian package
/// poppler-utils): a real reader of the file rather than our own writer's view of it. Without
/// the tool the test fails saying what to install, rather than pass without reading anything.
/// </summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        if (!File.Exists(tool))
            Assert.Fail("pdftotext est introuvable : apt-get install poppler-utils (tests/run.sh l'installe).");
        var file = Path.Combine(Path.GetTempPath(), $"facture-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, ["-raw", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext a échoué ({process.ExitCode}) : {errors}");
            return text.TrimEnd('\f').Split('\f');
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A page's lines in reading order (pdftotext -raw: the words of one row joined by single spaces).</summary>
    public static string[] Lines(string page) => [.. page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}

using System.Diagnostics;
using System.Text;

namespace CarteValoise.EndToEnd.Tests.Browser.Demarches;

/// <summary>
/// The text a reader of a downloaded PDF sees, from poppler's pdftotext (Debian package poppler-utils):
/// a real reader of the file rather than the writer's own view of it. Without the tool the test fails
/// saying what to install, rather than pass without reading anything.
/// </summary>
internal static class PdfText
{
    public static string Of(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        Assert.True(File.Exists(tool), "pdftotext est introuvable : apt-get install poppler-utils (tests/run.sh l'installe).");
        var file = Path.Combine(Path.GetTempPath(), $"demarche-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, ["-raw", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"pdftotext a échoué ({process.ExitCode}) : {errors}");
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Text;

namespace CarteValoise.EndToEnd.Tests.Web.Documents;

/// <summary>Real small files of the accepted formats, and the impostors the safe must refuse.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF 1.4 (it opens in any viewer) saying <paramref name="text"/>.</summary>
    public static byte[] Pdf(string text)
    {
        var content = $"BT /F1 12 Tf 20 50 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 2×2 blue PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwTjsDRAwQCgAktgWVJrpF5QAAAABJRU5ErkJggg==");

    /// <summary>The start of a Windows program, «MZ» and its DOS stub.</summary>
    public static byte[] WindowsProgram() =>
        [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.\r\r\n$"), .. new byte[400]];
}

using System.Text;

namespace CarteValoise.Domain.Tests.Documents;

/// <summary>
/// Real, small files of each accepted format (each opens in a viewer: the PDF in poppler, the images
/// in `file`), and the impostors an upload must refuse.
/// </summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF 1.4 saying <paramref name="text"/>, with a cross-reference table whose offsets are right.</summary>
    public static byte[] Pdf(string text = "Quittance de loyer")
    {
        var content = $"BT /F1 12 Tf 20 50 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
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

    /// <summary>A 2×2 blue RGB PNG (IHDR, IDAT, IEND, CRCs made by zlib).</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwTjsDRAwQCgAktgWVJrpF5QAAAABJRU5ErkJggg==");

    /// <summary>An 8×8 grey baseline JPEG (JFIF, DQT, SOF0, two Huffman tables, one scan, EOI).</summary>
    public static byte[] Jpeg() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/" +
        "wAALCAAIAAgBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z");

    /// <summary>The start of a Windows program: «MZ», the DOS stub, «PE».</summary>
    public static byte[] WindowsProgram() =>
        [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.\r\r\n$"), .. new byte[64]];

    public static byte[] LinuxProgram() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[56]];

    public static byte[] Zip() => [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, .. new byte[40]];

    public static byte[] ShellScript() => Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf ~\n");

    public static byte[] WebPage() => Encoding.UTF8.GetBytes("\uFEFF  <!DOCTYPE html><html><script>alert(1)</script></html>");
}

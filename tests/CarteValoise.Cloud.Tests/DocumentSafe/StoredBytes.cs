using System.Text;
using CarteValoise.Domain.Tests.Documents;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>What a test looks for in the bytes a store wrote: a marker that must not appear in clear.</summary>
internal static class StoredBytes
{
    /// <summary>Bytes that do not occur by chance, in a PDF large enough to span several chunks of the stores.</summary>
    public static (byte[] Pdf, byte[] Marker) LargePdfWithMarker(int approximateBytes)
    {
        var marker = Encoding.ASCII.GetBytes($"Quittance-{Guid.NewGuid():N}");
        var filler = new StringBuilder();
        while (filler.Length < approximateBytes) filler.Append(Encoding.ASCII.GetString(marker)).Append(' ');
        return (SampleFiles.Pdf(filler.ToString()), marker);
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

namespace CarteValoise.Domain.Documents;

/// <summary>
/// A JPEG's structure: after the start-of-image marker, segments each announcing their length, a
/// frame header among them, then the scan's data and the end-of-image marker.
/// </summary>
internal static class JpegSegments
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    public static bool IsWhole(ReadOnlySpan<byte> content)
    {
        var position = 2;
        var sawFrame = false;
        while (true)
        {
            if (position + 1 >= content.Length || content[position] != 0xFF) return false;
            // Any number of 0xFF may pad before a marker.
            while (position + 1 < content.Length && content[position + 1] == 0xFF) position++;
            if (position + 1 >= content.Length) return false;
            var marker = content[position + 1];
            if (marker == EndOfImage) return false;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }
            if (position + 3 >= content.Length) return false;
            var length = (content[position + 2] << 8) | content[position + 3];
            if (length < 2 || position + 2 + length > content.Length) return false;
            // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC) sawFrame = true;
            position += 2 + length;
            if (marker == StartOfScan)
                return sawFrame && content[position..].IndexOf([(byte)0xFF, EndOfImage]) >= 0;
        }
    }
}

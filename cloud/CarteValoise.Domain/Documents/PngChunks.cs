using System.Buffers.Binary;

namespace CarteValoise.Domain.Documents;

/// <summary>
/// A PNG's structure: after the signature, chunks (length, type, data, CRC-32 of type and data),
/// IHDR first with a non-empty image, at least one IDAT, and IEND.
/// </summary>
internal static class PngChunks
{
    private const int SignatureLength = 8;

    public static bool IsWhole(ReadOnlySpan<byte> content)
    {
        var position = SignatureLength;
        var first = true;
        var sawData = false;
        while (position + 12 <= content.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(content[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > content.Length) return false;
            var type = content.Slice(position + 4, 4);
            foreach (var letter in type)
                if (!char.IsAsciiLetter((char)letter)) return false;
            var typeAndData = content.Slice(position + 4, 4 + (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(content[(position + 8 + (int)length)..]);
            if (Crc32.Of(typeAndData) != crc) return false;

            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13) return false;
                var data = content.Slice(position + 8, 13);
                if (BinaryPrimitives.ReadUInt32BigEndian(data) == 0 || BinaryPrimitives.ReadUInt32BigEndian(data[4..]) == 0) return false;
                first = false;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                sawData = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return sawData;
            }
            position += 12 + (int)length;
        }
        return false;
    }
}

/// <summary>The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320).</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}

using System.Buffers.Binary;

namespace CarteValoise.Readers.KeyboardWedge;

/// <summary>One <c>struct input_event</c> as Linux writes it to /dev/input/eventN.</summary>
internal readonly record struct InputEvent(ushort Type, ushort Code, int Value)
{
    public const ushort KeyEvent = 0x01; // EV_KEY
    public const int KeyDown = 1;        // 0 = released, 2 = held (auto-repeat)

    /// <summary>
    /// The record's size for this process: a struct timeval (two longs), then type, code and
    /// value — 24 bytes for a 64-bit process (the box on arm64), 16 for a 32-bit one.
    /// </summary>
    public static int RecordSize => Environment.Is64BitProcess ? 24 : 16;

    /// <summary>Reads one record; the time stamp is skipped: the box dates a read with its own clock.</summary>
    public static InputEvent Parse(ReadOnlySpan<byte> record)
    {
        var at = record.Length - 8;
        return new InputEvent(
            BinaryPrimitives.ReadUInt16LittleEndian(record[at..]),
            BinaryPrimitives.ReadUInt16LittleEndian(record[(at + 2)..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[(at + 4)..]));
    }
}

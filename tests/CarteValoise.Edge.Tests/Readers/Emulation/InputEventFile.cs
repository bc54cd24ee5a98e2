using System.Buffers.Binary;

namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>
/// Writes what a USB keyboard-wedge reader makes Linux write to /dev/input/eventN when it types:
/// for each key a scan-code event (EV_MSC), the key down (EV_KEY 1), a report (EV_SYN), the key
/// up (EV_KEY 0) and a report — as <c>struct input_event</c> records of 24 bytes (64-bit time)
/// or 16 (32-bit).
/// </summary>
public sealed class InputEventFile(string path, int recordSize = 24)
{
    private const ushort Syn = 0, Key = 1, Msc = 4;
    private long _microseconds = 1_743_500_000_000_000;

    public string Path { get; } = path;

    /// <summary>Types the text as a wedge does; '\n' is Enter.</summary>
    public void Type(string text)
    {
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write);
        foreach (var c in text) Press(file, CodeOf(c));
    }

    /// <summary>Presses keys by their Linux codes (keypad, shift…).</summary>
    public void Press(params ushort[] codes)
    {
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write);
        foreach (var code in codes) Press(file, code);
    }

    /// <summary>Appends raw bytes, e.g. half a record, as a reader caught mid-write.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write);
        file.Write(bytes);
    }

    public byte[] Record(ushort type, ushort code, int value)
    {
        var record = new byte[recordSize];
        var half = (recordSize - 8) / 2;
        _microseconds += 4_000;
        if (half == 8)
        {
            BinaryPrimitives.WriteInt64LittleEndian(record, _microseconds / 1_000_000);
            BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(8), _microseconds % 1_000_000);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(record, (int)(_microseconds / 1_000_000));
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4), (int)(_microseconds % 1_000_000));
        }
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(recordSize - 8), type);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(recordSize - 6), code);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(recordSize - 4), value);
        return record;
    }

    private void Press(FileStream file, ushort code)
    {
        file.Write(Record(Msc, 4, 0x70000 + code));
        file.Write(Record(Key, code, 1));
        file.Write(Record(Syn, 0, 0));
        file.Write(Record(Key, code, 0));
        file.Write(Record(Syn, 0, 0));
    }

    // linux/input-event-codes.h
    private static ushort CodeOf(char c) => c switch
    {
        '0' => 11,
        >= '1' and <= '9' => (ushort)(c - '1' + 2),
        'A' => 30, 'B' => 48, 'C' => 46, 'D' => 32, 'E' => 18, 'F' => 33,
        ';' => 39,
        '\n' => 28,
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "touche non prévue"),
    };
}

namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>
/// A contactless card (ISO/IEC 14443-3 type A, as a MIFARE Classic or Ultralight) as a reader
/// chip's antenna sees it: it answers REQA/WUPA with its ATQA, the anticollision of each cascade
/// level with that level's UID part and BCC, and SELECT (checked: UID part, BCC and CRC_A) with
/// its SAK. Like a real card it falls back to IDLE on any frame it does not expect — so a card
/// left on the reader and asked REQA again while ACTIVE stays silent once, then answers.
/// </summary>
public sealed class Iso14443Card
{
    private enum State { Off, Idle, Ready, Active, Halt }

    private const byte Reqa = 0x26, Wupa = 0x52, CascadeTag = 0x88;
    private static readonly byte[] Select = [0x93, 0x95, 0x97];

    private readonly byte[][] _levels;
    private readonly byte _finalSak;
    private State _state = State.Off;
    private int _level;

    public Iso14443Card(byte[] uid)
    {
        if (uid.Length is not (4 or 7 or 10)) throw new ArgumentException("UID de 4, 7 ou 10 octets", nameof(uid));
        Uid = uid;
        _levels = uid.Length switch
        {
            4 => [uid],
            7 => [[CascadeTag, .. uid[..3]], uid[3..]],
            _ => [[CascadeTag, .. uid[..3]], [CascadeTag, .. uid[3..6]], uid[6..]],
        };
        _finalSak = uid.Length == 4 ? (byte)0x08 : (byte)0x00; // MIFARE Classic 1K / Ultralight
    }

    public byte[] Uid { get; }

    /// <summary>ATQA as sent on air, least significant byte first; bits 7-6 give the UID size.</summary>
    public byte[] Atqa => [(byte)((_levels.Length - 1) << 6 | 0x04), 0x00];

    /// <summary>Times this card completed a SELECT: how many times a reader really read it.</summary>
    public int Selections { get; private set; }

    public void FieldOn()
    {
        if (_state == State.Off) _state = State.Idle;
    }

    public void FieldOff() => _state = State.Off;

    /// <summary>A frame from the reader; <paramref name="lastBits"/> is the number of valid bits of the last byte (8 = whole). Null: the card stays silent.</summary>
    public byte[]? Receive(byte[] frame, int lastBits)
    {
        if (_state == State.Off || frame.Length == 0) return null;
        if (lastBits == 7 && frame.Length == 1)
            return ShortFrame(frame[0]);
        if (lastBits != 8) return Unexpected();
        switch (_state)
        {
            case State.Ready when frame[0] == Select[_level] && frame.Length == 2 && frame[1] == 0x20:
                return [.. _levels[_level], Bcc(_levels[_level])];
            case State.Ready when frame[0] == Select[_level] && frame.Length == 9 && frame[1] == 0x70:
                if (!frame.AsSpan(2, 4).SequenceEqual(_levels[_level]) || frame[6] != Bcc(_levels[_level])
                    || !CrcA.Matches(frame))
                    return Unexpected();
                if (_level < _levels.Length - 1)
                {
                    _level++;
                    return CrcA.Append([0x04]); // cascade bit: UID not complete
                }
                _state = State.Active;
                Selections++;
                return CrcA.Append([_finalSak]);
            case State.Active when frame.Length == 4 && frame[0] == 0x50 && frame[1] == 0x00 && CrcA.Matches(frame):
                _state = State.Halt; // HLTA: no answer
                return null;
            default:
                return Unexpected();
        }
    }

    private byte[]? ShortFrame(byte command)
    {
        var wakes = command == Wupa ? _state is State.Idle or State.Halt : command == Reqa && _state == State.Idle;
        if (!wakes) return Unexpected();
        _state = State.Ready;
        _level = 0;
        return Atqa;
    }

    private byte[]? Unexpected()
    {
        if (_state is State.Ready or State.Active) _state = State.Idle;
        return null;
    }

    private static byte Bcc(byte[] part) => (byte)(part[0] ^ part[1] ^ part[2] ^ part[3]);
}

/// <summary>CRC_A of ISO/IEC 14443-3 (preset 0x6363, polynomial x^16 + x^12 + x^5 + 1, sent low byte first).</summary>
public static class CrcA
{
    public static ushort Compute(ReadOnlySpan<byte> data, ushort preset = 0x6363)
    {
        var crc = preset;
        foreach (var b in data)
        {
            var x = (byte)(b ^ (byte)crc);
            x ^= (byte)(x << 4);
            crc = (ushort)((crc >> 8) ^ (x << 8) ^ (x << 3) ^ (x >> 4));
        }
        return crc;
    }

    public static byte[] Append(byte[] data)
    {
        var crc = Compute(data);
        return [.. data, (byte)crc, (byte)(crc >> 8)];
    }

    public static bool Matches(byte[] frame)
    {
        var crc = Compute(frame.AsSpan(0, frame.Length - 2));
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }
}

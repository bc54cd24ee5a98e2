namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>
/// An NXP PN532 behind its I2C interface, after its user manual (UM0701-02): the host writes
/// normal information frames (preamble, 00 FF, LEN, LCS, TFI D4, PD0…PDn, DCS, postamble),
/// checked byte by byte; the chip then makes an ACK frame ready, then its answer (TFI D5, command
/// + 1). Every host read starts with the status byte: 0x01 when a frame is ready. A read of one
/// byte only polls that status; a longer read takes the frame. InListPassiveTarget answers with
/// NbTg, then Tg, SENS_RES (2 bytes), SEL_RES, NFCIDLength and the NFCID; with the field empty
/// it answers NbTg = 0 — unless MxRtyPassiveActivation is 0xFF (its power-on value), where it
/// keeps waiting for a card and never answers.
/// </summary>
public sealed class EmulatedPn532 : II2cChip
{
    private static readonly byte[] Ack = [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];

    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _ready = new();
    private Iso14443Card? _card;
    private byte _passiveActivationRetries = 0xFF;
    private bool _noPreamble;
    private int _failures;
    private bool _unplugged;

    /// <summary>Commands received in valid frames, in order (command codes).</summary>
    public List<byte> Commands { get; } = [];

    /// <summary>Times a card was listed: how many times a reader really read it.</summary>
    public int CardsListed { get; private set; }

    public void Place(Iso14443Card card)
    {
        lock (_gate) _card = card;
    }

    public void Remove()
    {
        lock (_gate) _card = null;
    }

    /// <summary>The next host read fails as a broken bus does.</summary>
    public void FailNextRead()
    {
        lock (_gate) _failures++;
    }

    /// <summary>The module is pulled off the bus: every transfer is refused (no ACK on its address).</summary>
    public void Unplug()
    {
        lock (_gate) _unplugged = true;
    }

    /// <summary>Back on the bus, after a power cycle that reset it.</summary>
    public void PlugBack()
    {
        lock (_gate)
        {
            _unplugged = false;
            _ready.Clear();
            _passiveActivationRetries = 0xFF;
            _noPreamble = false;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_unplugged) throw Nack();
            var frame = data.ToArray();
            var start = StartOf(frame);
            if (start < 0) return;
            var length = frame[start + 2];
            if (length == 0 && frame[start + 3] == 0xFF)
            {
                _ready.Clear(); // an ACK from the host aborts the command under way
                return;
            }
            if ((byte)(length + frame[start + 3]) != 0) return; // LCS
            var body = start + 4;
            if (frame.Length < body + length + 1 || frame[body] != 0xD4) return;
            byte sum = 0;
            for (var i = 0; i <= length; i++) sum += frame[body + i]; // TFI, PD0…PDn and DCS
            if (sum != 0) return;
            _ready.Clear(); // a new command replaces one still waiting for a card
            var command = frame[body + 1];
            var parameters = frame.AsSpan(body + 2, length - 2).ToArray();
            Commands.Add(command);
            _ready.Enqueue(Ack);
            if (Answer(command, parameters) is { } answer) _ready.Enqueue(Frame((byte)(command + 1), answer));
        }
    }

    public void Read(Span<byte> into)
    {
        lock (_gate)
        {
            if (_unplugged) throw Nack();
            into.Clear();
            if (into.Length > 1 && _failures > 0)
            {
                _failures--;
                throw new IOException("Error 5 performing I2C data transfer.");
            }
            if (_ready.Count == 0) return; // status 0x00: not ready
            into[0] = 0x01;
            if (into.Length == 1) return;
            var frame = _ready.Dequeue();
            frame.AsSpan(0, Math.Min(frame.Length, into.Length - 1)).CopyTo(into[1..]);
        }
    }

    private byte[]? Answer(byte command, byte[] parameters)
    {
        switch (command)
        {
            case 0x02: // GetFirmwareVersion: IC, Ver, Rev, Support
                return [0x32, 0x01, 0x06, 0x07];
            case 0x12: // SetParameters
                _noPreamble = parameters.Length > 0 && (parameters[0] & 0x40) != 0;
                return [];
            case 0x14: // SAMConfiguration
                return [];
            case 0x32: // RFConfiguration
                if (parameters is [0x05, _, _, var passive]) _passiveActivationRetries = passive;
                return [];
            case 0x0C: // ReadGPIO: P3, P7, IOI1
                return [0x3F, 0x06, 0x00];
            case 0x4A when parameters.Length >= 2: // InListPassiveTarget
                if (parameters[1] != 0x00) return [0x00]; // only 106 kbps type A cards here
                if (_card is not { } card) return _passiveActivationRetries == 0xFF ? null : [0x00];
                CardsListed++;
                byte[] sensRes = [card.Atqa[1], card.Atqa[0]]; // the PN532 gives SENS_RES most significant byte first
                var selRes = card.Uid.Length == 4 ? (byte)0x08 : (byte)0x00;
                return [0x01, 0x01, .. sensRes, selRes, (byte)card.Uid.Length, .. card.Uid];
            default:
                return [0x7F]; // error frame would follow; not needed by these tests
        }
    }

    private byte[] Frame(byte code, byte[] data)
    {
        var length = (byte)(data.Length + 2);
        byte sum = (byte)(0xD5 + code);
        foreach (var b in data) sum += b;
        byte[] frame = [0x00, 0xFF, length, (byte)(0 - length), 0xD5, code, .. data, (byte)(0 - sum)];
        return _noPreamble ? frame : [0x00, .. frame, 0x00];
    }

    private static int StartOf(byte[] frame)
    {
        for (var i = 0; i + 4 < frame.Length; i++)
            if (frame[i] == 0x00 && frame[i + 1] == 0xFF) return i;
        return -1;
    }

    private static IOException Nack() => new("Error 121 performing I2C data transfer.");
}

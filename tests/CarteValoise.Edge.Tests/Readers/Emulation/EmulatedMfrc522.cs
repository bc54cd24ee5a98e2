using System.Device.Gpio;
using System.Device.Spi;

namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>
/// An NXP MFRC522 behind its SPI interface, after its datasheet: the address byte (bit 7 = read,
/// bits 6-1 = register, bit 0 = 0), a read burst answering each address in the next byte, the
/// 64-byte FIFO, ComIrq/DivIrq with their Set bit, CalcCRC with the preset of ModeReg, Transceive
/// started by BitFramingReg.StartSend with TxLastBits, RxLastBits in ControlReg, the timer only
/// when TModeReg.TAuto is set, the antenna (TxControlReg) powering the card, and NRSTPD on a GPIO:
/// held low (or never driven) the chip is powered down and MISO reads 0.
/// </summary>
public sealed class EmulatedMfrc522 : ISpiChip
{
    private const int Command = 0x01, ComIrq = 0x04, DivIrq = 0x05, Error = 0x06, FifoData = 0x09, FifoLevel = 0x0A,
        Control = 0x0C, BitFraming = 0x0D, Mode = 0x11, TxControl = 0x14, CrcResultHigh = 0x21, CrcResultLow = 0x22,
        RfCfg = 0x26, TMode = 0x2A, Version = 0x37;
    private const byte Transceive = 0x0C, CalcCrc = 0x03, SoftReset = 0x0F;

    private readonly Lock _gate = new();
    private readonly byte[] _registers = new byte[64];
    private readonly Queue<byte> _fifo = new();
    private Iso14443Card? _card;
    private bool _powered;
    private bool _unplugged;
    private int _failures;

    /// <param name="resetPin">GPIO wired to NRSTPD; -1 when NRSTPD is tied to 3.3 V.</param>
    public EmulatedMfrc522(BoardPins pins, int resetPin)
    {
        if (resetPin < 0) PowerUp();
        else pins.Changed += (pin, value) =>
        {
            if (pin != resetPin) return;
            lock (_gate)
            {
                if (value == PinValue.Low) PowerDown();
                else if (!_powered) PowerUp();
            }
        };
    }

    public int Transfers { get; private set; }

    public void Place(Iso14443Card card)
    {
        lock (_gate)
        {
            _card = card;
            if (AntennaOn) card.FieldOn();
        }
    }

    public void Remove()
    {
        lock (_gate)
        {
            _card?.FieldOff();
            _card = null;
        }
    }

    /// <summary>The next SPI transfer fails as a broken bus does (EIO).</summary>
    public void FailNextTransfer()
    {
        lock (_gate) _failures++;
    }

    /// <summary>The module is pulled off its wires: nothing answers until it is plugged back, after a power cycle.</summary>
    public void Unplug()
    {
        lock (_gate)
        {
            _unplugged = true;
            PowerDown();
        }
    }

    public void PlugBack()
    {
        lock (_gate)
        {
            _unplugged = false;
            PowerUp();
        }
    }

    private bool AntennaOn => _powered && (_registers[TxControl] & 0x03) == 0x03;

    public void Transfer(SpiConnectionSettings settings, ReadOnlySpan<byte> mosi, Span<byte> miso)
    {
        lock (_gate)
        {
            Transfers++;
            if (_failures > 0)
            {
                _failures--;
                throw new IOException("Error 5 performing SPI data transfer.");
            }
            var sent = mosi.ToArray(); // the binding reads into the buffer it writes from
            miso.Clear();
            if (!_powered || _unplugged || sent.Length == 0) return;
            if (settings.Mode != SpiMode.Mode0 || settings.DataFlow != DataFlow.MsbFirst
                || settings.DataBitLength != 8 || settings.ClockFrequency > 10_000_000)
            {
                miso.Fill(0xFF); // the chip cannot make sense of the clock: nothing it says is meaningful
                return;
            }
            if ((sent[0] & 0x01) != 0) return;
            if ((sent[0] & 0x80) == 0)
            {
                for (var i = 1; i < sent.Length; i++) Write((sent[0] >> 1) & 0x3F, sent[i]);
                return;
            }
            for (var i = 0; i < sent.Length - 1; i++)
                miso[i + 1] = (sent[i] & 0x80) != 0 ? Read((sent[i] >> 1) & 0x3F) : (byte)0;
        }
    }

    private byte Read(int register) => register switch
    {
        FifoData => _fifo.Count > 0 ? _fifo.Dequeue() : (byte)0,
        FifoLevel => (byte)_fifo.Count,
        _ => _registers[register],
    };

    private void Write(int register, byte value)
    {
        switch (register)
        {
            case Command:
                _registers[Command] = value;
                RunCommand((byte)(value & 0x0F));
                break;
            case ComIrq or DivIrq:
                if ((value & 0x80) != 0) _registers[register] |= (byte)(value & 0x7F);
                else _registers[register] &= (byte)~(value & 0x7F);
                break;
            case FifoData:
                if (_fifo.Count < 64) _fifo.Enqueue(value);
                else _registers[Error] |= 0x10; // BufferOvfl
                break;
            case FifoLevel:
                if ((value & 0x80) != 0)
                {
                    _fifo.Clear();
                    _registers[Error] &= 0xEF;
                }
                break;
            case BitFraming:
                _registers[BitFraming] = value;
                if ((value & 0x80) != 0 && (_registers[Command] & 0x0F) == Transceive) Transmit(value & 0x07);
                break;
            case TxControl:
                _registers[TxControl] = value;
                if (AntennaOn) _card?.FieldOn();
                else _card?.FieldOff();
                break;
            case Error or Version or CrcResultHigh or CrcResultLow or 0x07: // read-only
                break;
            default:
                _registers[register] = value;
                break;
        }
    }

    private void RunCommand(byte command)
    {
        switch (command)
        {
            case CalcCrc:
                ushort preset = (_registers[Mode] & 0x03) switch { 0 => 0x0000, 1 => 0x6363, 2 => 0xA671, _ => 0xFFFF };
                var crc = CrcA.Compute(_fifo.ToArray(), preset);
                _fifo.Clear();
                _registers[CrcResultLow] = (byte)crc;
                _registers[CrcResultHigh] = (byte)(crc >> 8);
                _registers[DivIrq] |= 0x04; // CRCIRq
                break;
            case SoftReset:
                PowerUp();
                break;
        }
    }

    private void Transmit(int txLastBits)
    {
        var frame = _fifo.ToArray();
        _fifo.Clear();
        _registers[Error] = 0;
        _registers[ComIrq] |= 0x40; // TxIRq
        var answer = AntennaOn ? _card?.Receive(frame, txLastBits == 0 ? 8 : txLastBits) : null;
        if (answer is null)
        {
            if ((_registers[TMode] & 0x80) != 0) _registers[ComIrq] |= 0x01; // TimerIRq, only when the timer runs by itself
            return;
        }
        foreach (var b in answer) _fifo.Enqueue(b);
        _registers[Control] &= 0xF8; // RxLastBits = 0: whole bytes
        _registers[ComIrq] |= 0x20;  // RxIRq
    }

    private void PowerDown()
    {
        _powered = false;
        _card?.FieldOff();
    }

    // Register reset values from the datasheet (those the binding relies on, and a few more).
    private void PowerUp()
    {
        Array.Clear(_registers);
        _fifo.Clear();
        _registers[Command] = 0x20;
        _registers[0x02] = 0x80;
        _registers[ComIrq] = 0x14;
        _registers[0x07] = 0x21;
        _registers[0x0B] = 0x08;
        _registers[Control] = 0x10;
        _registers[0x0E] = 0xA0;
        _registers[Mode] = 0x3F; // CRC preset 0xFFFF until the host sets 0x6363
        _registers[TxControl] = 0x80; // antenna off
        _registers[CrcResultHigh] = 0xFF;
        _registers[CrcResultLow] = 0xFF;
        _registers[RfCfg] = 0x48;
        _registers[Version] = 0x92;
        _powered = !_unplugged;
        _card?.FieldOff();
    }
}

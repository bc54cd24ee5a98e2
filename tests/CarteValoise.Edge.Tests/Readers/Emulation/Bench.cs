using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using CarteValoise.Readers.Hardware;

namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>A chip on an SPI bus: one full-duplex exchange while its chip select is active.</summary>
public interface ISpiChip
{
    void Transfer(SpiConnectionSettings settings, ReadOnlySpan<byte> mosi, Span<byte> miso);
}

/// <summary>A chip at an I2C address.</summary>
public interface II2cChip
{
    void Write(ReadOnlySpan<byte> data);

    void Read(Span<byte> into);
}

/// <summary>
/// A board with emulated chips wired to it, handed to the readers in place of the real buses.
/// An SPI chip select or an I2C address with nothing wired behaves as on a real board: MISO reads
/// zeros, an I2C transfer is not acknowledged. It counts devices still open, to show that a
/// reader that reconnects closes what it opened.
/// </summary>
public sealed class Bench : IReaderHardware
{
    private readonly Dictionary<(int Bus, int ChipSelect), ISpiChip> _spi = [];
    private readonly Dictionary<(int Bus, int Address), II2cChip> _i2c = [];
    private int _open;

    public BoardPins Pins { get; } = new();

    public int OpenDevices => Volatile.Read(ref _open);

    public void WireSpi(int bus, int chipSelect, ISpiChip chip) => _spi[(bus, chipSelect)] = chip;

    public void WireI2c(int bus, int address, II2cChip chip) => _i2c[(bus, address)] = chip;

    public SpiDevice OpenSpi(SpiConnectionSettings settings)
    {
        Interlocked.Increment(ref _open);
        return new EmulatedSpiDevice(settings, _spi.GetValueOrDefault((settings.BusId, settings.ChipSelectLine)), this);
    }

    public I2cDevice OpenI2c(I2cConnectionSettings settings)
    {
        Interlocked.Increment(ref _open);
        return new EmulatedI2cDevice(settings, _i2c.GetValueOrDefault((settings.BusId, settings.DeviceAddress)), this);
    }

    public GpioController OpenGpio()
    {
        Interlocked.Increment(ref _open);
        return new GpioController(new EmulatedGpioDriver(Pins, this));
    }

    internal void Closed() => Interlocked.Decrement(ref _open);
}

internal sealed class EmulatedSpiDevice(SpiConnectionSettings settings, ISpiChip? chip, Bench bench) : SpiDevice
{
    private bool _disposed;

    public override SpiConnectionSettings ConnectionSettings => settings;

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (chip is null) readBuffer.Clear();
        else chip.Transfer(settings, writeBuffer, readBuffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer) => TransferFullDuplex(buffer, new byte[buffer.Length]);

    public override void Read(Span<byte> buffer) => TransferFullDuplex(new byte[buffer.Length], buffer);

    protected override void Dispose(bool disposing)
    {
        if (!_disposed) bench.Closed();
        _disposed = true;
        base.Dispose(disposing);
    }
}

internal sealed class EmulatedI2cDevice(I2cConnectionSettings settings, II2cChip? chip, Bench bench) : I2cDevice
{
    private bool _disposed;

    public override I2cConnectionSettings ConnectionSettings => settings;

    public override void Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        (chip ?? throw NoOne()).Read(buffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        (chip ?? throw NoOne()).Write(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private static IOException NoOne() => new("Error 121 performing I2C data transfer.");

    protected override void Dispose(bool disposing)
    {
        if (!_disposed) bench.Closed();
        _disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>The levels of the board's GPIO lines; a line can be held by one controller at a time, as libgpiod does.</summary>
public sealed class BoardPins
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly HashSet<int> _held = [];

    /// <summary>A line driven to a level (pin, level).</summary>
    public event Action<int, PinValue>? Changed;

    public PinValue Level(int pin)
    {
        lock (_gate) return _levels.GetValueOrDefault(pin, PinValue.Low); // pulled down at power-on
    }

    internal void Hold(int pin)
    {
        lock (_gate)
            if (!_held.Add(pin)) throw new IOException($"Pin {pin} is busy (Device or resource busy).");
    }

    internal void Release(int pin)
    {
        lock (_gate) _held.Remove(pin);
    }

    internal void Drive(int pin, PinValue level)
    {
        lock (_gate) _levels[pin] = level;
        Changed?.Invoke(pin, level);
    }
}

internal sealed class EmulatedGpioDriver(BoardPins pins, Bench bench) : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private bool _disposed;

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber)
    {
        pins.Hold(pinNumber);
        _modes[pinNumber] = PinMode.Input;
    }

    protected override void ClosePin(int pinNumber)
    {
        if (_modes.Remove(pinNumber)) pins.Release(pinNumber);
    }

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => pins.Level(pinNumber);

    protected override void Write(int pinNumber, PinValue value) => pins.Drive(pinNumber, value);

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            foreach (var pin in _modes.Keys) pins.Release(pin);
            _modes.Clear();
            bench.Closed();
        }
        _disposed = true;
        base.Dispose(disposing);
    }
}

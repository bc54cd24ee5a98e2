namespace CarteValoise.Readers.Configuration;

/// <summary>
/// The "Reader" configuration section. Only <see cref="ReaderKind.Simulated"/> runs today; the
/// wiring of the real readers has its place already so a box's configuration file keeps its shape
/// when the drivers arrive.
/// </summary>
public sealed class ReaderOptions
{
    public const string Section = "Reader";

    public ReaderKind Kind { get; set; } = ReaderKind.Simulated;
    public SimulatedReaderOptions Simulated { get; set; } = new();
    public Mfrc522Options Mfrc522 { get; set; } = new();
    public Pn532Options Pn532 { get; set; } = new();
    public KeyboardWedgeOptions KeyboardWedge { get; set; } = new();
}

public enum ReaderKind
{
    Simulated,
    Mfrc522,
    Pn532,
    KeyboardWedge,
}

public sealed class SimulatedReaderOptions
{
    public double TapsPerSecond { get; set; } = 1;

    /// <summary>Cards to tap in turn, as a reader would report them; empty = the cards of the roster.</summary>
    public string[] CardUids { get; set; } = [];
}

/// <summary>MFRC522 on SPI (Raspberry Pi: bus 0, chip select 0 = CE0, reset on GPIO 25).</summary>
public sealed class Mfrc522Options
{
    public int SpiBus { get; set; }
    public int ChipSelect { get; set; }
    public int ResetPin { get; set; } = 25;
    public int ClockFrequencyHz { get; set; } = 1_000_000;
}

public enum Pn532Transport
{
    I2c,
    Spi,
    Serial,
}

/// <summary>PN532 over I2C (default address 0x24), SPI, or a serial port (HSU).</summary>
public sealed class Pn532Options
{
    public Pn532Transport Transport { get; set; } = Pn532Transport.I2c;
    public int I2cBus { get; set; } = 1;
    public int I2cAddress { get; set; } = 0x24;
    public int SpiBus { get; set; }
    public int ChipSelect { get; set; }
    public string SerialPort { get; set; } = "/dev/ttyS0";
}

/// <summary>A USB reader that types the UID and Enter as a keyboard, read from its Linux input device.</summary>
public sealed class KeyboardWedgeOptions
{
    /// <summary>e.g. /dev/input/by-id/usb-…-event-kbd (stable across reboots, unlike eventN).</summary>
    public string Device { get; set; } = "";
}

namespace CarteValoise.Readers.Configuration;

/// <summary>
/// The "Reader" configuration section: which reader the box has, how it is wired, and how often
/// the hardware readers are polled. Call <see cref="Problems"/> before starting: a box wired
/// wrongly must say so to whoever installs it, not poll the wrong bus in silence.
/// </summary>
public sealed class ReaderOptions
{
    public const string Section = "Reader";

    public ReaderKind Kind { get; set; } = ReaderKind.Simulated;

    /// <summary>How often an MFRC522 or PN532 is asked for a card. 100 ms feels instant to a child.</summary>
    public int PollMilliseconds { get; set; } = 100;

    /// <summary>First wait before reconnecting a reader that failed; doubles up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryFirstSeconds { get; set; } = 1;

    public double RetryMaxSeconds { get; set; } = 30;

    public SimulatedReaderOptions Simulated { get; set; } = new();
    public Mfrc522Options Mfrc522 { get; set; } = new();
    public Pn532Options Pn532 { get; set; } = new();
    public KeyboardWedgeOptions KeyboardWedge { get; set; } = new();

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollMilliseconds);

    /// <summary>What is wrong with this configuration, in French, one line per problem; empty when the box can start.</summary>
    public IReadOnlyList<string> Problems()
    {
        var found = new List<string>();
        if (!Enum.IsDefined(Kind))
        {
            found.Add($"Reader:Kind « {Kind} » inconnu : Simulated, Mfrc522, Pn532 ou KeyboardWedge.");
            return found;
        }
        if (Kind != ReaderKind.Simulated)
        {
            if (PollMilliseconds <= 0)
                found.Add($"Reader:PollMilliseconds doit être positif (valeur : {PollMilliseconds}).");
            if (!(RetryFirstSeconds > 0))
                found.Add($"Reader:RetryFirstSeconds doit être positif (valeur : {RetryFirstSeconds}).");
            if (!(RetryMaxSeconds >= RetryFirstSeconds))
                found.Add($"Reader:RetryMaxSeconds doit être au moins Reader:RetryFirstSeconds (valeur : {RetryMaxSeconds}).");
        }
        switch (Kind)
        {
            case ReaderKind.Simulated:
                if (!(Simulated.TapsPerSecond > 0))
                    found.Add($"Reader:Simulated:TapsPerSecond doit être positif (valeur : {Simulated.TapsPerSecond}).");
                break;
            case ReaderKind.Mfrc522:
                Mfrc522.AddProblems(found);
                break;
            case ReaderKind.Pn532:
                Pn532.AddProblems(found);
                break;
            case ReaderKind.KeyboardWedge:
                KeyboardWedge.AddProblems(found);
                break;
        }
        return found;
    }
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

/// <summary>MFRC522 on SPI (Raspberry Pi: bus 0, chip select 0 = CE0 on GPIO 8, reset on GPIO 25).</summary>
public sealed class Mfrc522Options
{
    public int SpiBus { get; set; }

    /// <summary>The bus's chip-select line: 0 for CE0 (/dev/spidev0.0), 1 for CE1.</summary>
    public int ChipSelect { get; set; }

    /// <summary>GPIO (BCM number) wired to the module's RST pin; -1 when RST is tied to 3.3 V.</summary>
    public int ResetPin { get; set; } = 25;

    /// <summary>SPI clock; the chip accepts up to 10 MHz, long or loose wires want less.</summary>
    public int ClockHz { get; set; } = 1_000_000;

    internal void AddProblems(List<string> found)
    {
        if (SpiBus < 0) found.Add($"Reader:Mfrc522:SpiBus doit être positif ou nul (valeur : {SpiBus}).");
        if (ChipSelect < 0) found.Add($"Reader:Mfrc522:ChipSelect doit être positif ou nul (valeur : {ChipSelect}).");
        if (ResetPin < -1) found.Add($"Reader:Mfrc522:ResetPin doit être un numéro de GPIO, ou -1 si RST est relié au 3,3 V (valeur : {ResetPin}).");
        if (ClockHz is <= 0 or > 10_000_000)
            found.Add($"Reader:Mfrc522:ClockHz doit être entre 1 et 10 000 000 (valeur : {ClockHz}).");
    }
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

    /// <summary>
    /// SPI only: the GPIO (BCM number) wired to the PN532's SS pin. The binding drives it itself,
    /// because one PN532 exchange spans several SPI transfers that the kernel's chip select would split.
    /// </summary>
    public int ChipSelect { get; set; } = 8;

    public string SerialPort { get; set; } = "/dev/ttyS0";

    internal void AddProblems(List<string> found)
    {
        if (!Enum.IsDefined(Transport))
        {
            found.Add($"Reader:Pn532:Transport « {Transport} » inconnu : I2c, Spi ou Serial.");
            return;
        }
        switch (Transport)
        {
            case Pn532Transport.I2c:
                if (I2cBus < 0) found.Add($"Reader:Pn532:I2cBus doit être positif ou nul (valeur : {I2cBus}).");
                if (I2cAddress is < 0x03 or > 0x77)
                    found.Add($"Reader:Pn532:I2cAddress doit être une adresse I2C sur 7 bits, entre 3 et 119 (0x24 = 36 d'ordinaire) (valeur : {I2cAddress}).");
                break;
            case Pn532Transport.Spi:
                if (SpiBus < 0) found.Add($"Reader:Pn532:SpiBus doit être positif ou nul (valeur : {SpiBus}).");
                if (ChipSelect < 0) found.Add($"Reader:Pn532:ChipSelect doit être un numéro de GPIO (valeur : {ChipSelect}).");
                break;
            case Pn532Transport.Serial:
                if (string.IsNullOrWhiteSpace(SerialPort)) found.Add("Reader:Pn532:SerialPort manque (par exemple /dev/ttyS0 ou /dev/ttyUSB0).");
                break;
        }
    }
}

/// <summary>How a keyboard-wedge reader writes the UID it types.</summary>
public enum WedgeFormat
{
    /// <summary>Hexadecimal digits, e.g. "04A1B2C3".</summary>
    Hex,

    /// <summary>A decimal number, e.g. "0077771396": the UID bytes read as one integer.</summary>
    Decimal,
}

/// <summary>Which UID byte the wedge writes first.</summary>
public enum WedgeByteOrder
{
    /// <summary>UID byte 0 first, as the card sends it (and as MFRC522 and PN532 report it).</summary>
    BigEndian,

    /// <summary>UID byte 0 last: many cheap readers reverse the bytes.</summary>
    LittleEndian,
}

/// <summary>A USB reader that types the UID and Enter as a keyboard, read from its Linux input device.</summary>
public sealed class KeyboardWedgeOptions
{
    /// <summary>e.g. /dev/input/by-id/usb-…-event-kbd (stable across reboots, unlike eventN).</summary>
    public string DevicePath { get; set; } = "";

    /// <summary>Take the device for the box alone (EVIOCGRAB), so the digits do not reach a console login.</summary>
    public bool Grab { get; set; } = true;

    public WedgeFormat Format { get; set; } = WedgeFormat.Hex;

    public WedgeByteOrder ByteOrder { get; set; } = WedgeByteOrder.BigEndian;

    internal void AddProblems(List<string> found)
    {
        if (string.IsNullOrWhiteSpace(DevicePath))
            found.Add("Reader:KeyboardWedge:DevicePath manque : le périphérique d'entrée du lecteur, par exemple /dev/input/by-id/usb-…-event-kbd.");
        if (!Enum.IsDefined(Format)) found.Add($"Reader:KeyboardWedge:Format « {Format} » inconnu : Hex ou Decimal.");
        if (!Enum.IsDefined(ByteOrder)) found.Add($"Reader:KeyboardWedge:ByteOrder « {ByteOrder} » inconnu : BigEndian ou LittleEndian.");
    }
}

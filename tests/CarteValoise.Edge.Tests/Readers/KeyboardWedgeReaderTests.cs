using CarteValoise.Edge.Tests.Readers.Emulation;
using CarteValoise.Readers;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.KeyboardWedge;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Tests.Readers;

/// <summary>A keyboard-wedge reader read from a file of input events standing in for /dev/input/eventN.</summary>
public sealed class KeyboardWedgeReaderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 11, 30, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("wedge-").FullName;
    private readonly SteppedTime _time = new(Start);
    private readonly LogRecorder _log = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DevicePath => Path.Combine(_directory, "usb-reader-event-kbd");

    private ReaderOptions Options(WedgeFormat format = WedgeFormat.Hex, WedgeByteOrder order = WedgeByteOrder.BigEndian) => new()
    {
        Kind = ReaderKind.KeyboardWedge,
        KeyboardWedge = { DevicePath = DevicePath, Format = format, ByteOrder = order },
    };

    private Pump<CardTap> Taps(ICardReader reader) => new(stop => CardTaps.From(reader, TimeSpan.FromSeconds(2), _log, stop));

    [Fact]
    public async Task Each_line_typed_is_a_read_and_a_garbled_line_is_logged_and_dropped()
    {
        var device = new InputEventFile(DevicePath);
        device.Type("04A1B2C3\n04A1;B2C3\n046F2AB13C5980\n");
        var reader = CardReaderFactory.Create(Options(), NoCards.Instance, _time, _log);
        await using var taps = Taps(reader);

        Assert.Equal(new CardTap("04A1B2C3", Start), await taps.NextAsync());
        Assert.Equal(new CardTap("046F2AB13C5980", Start), await taps.NextAsync());
        Assert.Equal(
            $"Lecture ignorée : identifiant de carte invalide « 04A1?B2C3 » venu du lecteur clavier USB ({DevicePath}) (attendu : 4, 7 ou 10 octets en hexadécimal).",
            Assert.Single(_log.Warnings, w => w.StartsWith("Lecture ignorée", StringComparison.Ordinal)));
        Assert.Equal("ok", reader.Status);
        // A plain file cannot be reserved: said, not fatal.
        Assert.Contains($"lecteur clavier USB ({DevicePath}) : impossible de réserver le périphérique (EVIOCGRAB, errno 25) ; ce que tape le lecteur peut aussi arriver à une console.", _log.Warnings);

        // Typed later, even cut in the middle of a record, read at the next look.
        Assert.Equal(TimeSpan.FromMilliseconds(100), await _time.NextWaitAsync()); // all read, nothing more yet
        var later = new InputEventFile(DevicePath);
        later.Type("5E1A9C2");
        var down = later.Record(1, 8, 1); // KEY_7
        later.Append(down.AsSpan(0, 10));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(100), await _time.NextWaitAsync());
        later.Append(down.AsSpan(10));
        later.Type("\n");
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(new CardTap("5E1A9C27", Start + TimeSpan.FromMilliseconds(200)), await taps.NextAsync());
    }

    [Fact]
    public async Task A_wedge_typing_decimal_with_reversed_bytes_on_the_keypad_gives_the_uid_the_card_sends()
    {
        var device = new InputEventFile(DevicePath);
        // "3283263748" on the keypad, with a shift the reader presses for nothing, then keypad Enter.
        device.Press(81, 80, 42, 72, 81, 80, 77, 81, 71, 75, 72, 96);
        var reader = CardReaderFactory.Create(Options(WedgeFormat.Decimal, WedgeByteOrder.LittleEndian), NoCards.Instance, _time, _log);
        await using var taps = Taps(reader);

        Assert.Equal(new CardTap("04A1B2C3", Start), await taps.NextAsync());
    }

    [Fact]
    public async Task Records_of_a_32_bit_system_are_read_too()
    {
        new InputEventFile(DevicePath, recordSize: 16).Type("046F2AB13C5980\n");
        var options = Options();
        var reader = new KeyboardWedgeReader(options.KeyboardWedge, options, _time, _log, recordSize: 16);
        await using var reads = new Pump<CardRead>(reader.ReadAsync);

        Assert.Equal(new CardRead("046F2AB13C5980", Start), await reads.NextAsync());
    }

    [Fact]
    public async Task A_reader_not_plugged_in_is_reported_and_read_once_it_is()
    {
        var reader = CardReaderFactory.Create(Options(), NoCards.Instance, _time, _log);
        await using var taps = Taps(reader);

        Assert.Equal(TimeSpan.FromSeconds(1), await _time.NextWaitAsync());
        Assert.Equal($"erreur: ouverture de {DevicePath} impossible : Could not find file '{DevicePath}'.", reader.Status);

        new InputEventFile(DevicePath).Type("04A1B2C3\n");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new CardTap("04A1B2C3", Start.AddSeconds(1)), await taps.NextAsync());
        Assert.Equal("ok", reader.Status);
    }
}

using CarteValoise.Edge.Tests.Readers.Emulation;
using CarteValoise.Readers;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Tests.Readers;

/// <summary>
/// The real Iot.Device.Mfrc522 binding, driven by the box's reader, against an emulated MFRC522
/// on SPI 0.0 with NRSTPD on GPIO 25 — the wiring of the README.
/// </summary>
public class Mfrc522ReaderTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 11, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly byte[] FourBytes = [0x5E, 0x1A, 0x9C, 0x27];
    private static readonly byte[] SevenBytes = [0x04, 0x6F, 0x2A, 0xB1, 0x3C, 0x59, 0x80];

    private readonly SteppedTime _time = new(Start);
    private readonly Bench _bench = new();
    private readonly LogRecorder _log = new();
    private readonly EmulatedMfrc522 _chip;

    public Mfrc522ReaderTests()
    {
        _chip = new EmulatedMfrc522(_bench.Pins, resetPin: 25);
        _bench.WireSpi(0, 0, _chip);
    }

    private ICardReader Reader(int chipSelect = 0, int resetPin = 25) => CardReaderFactory.Create(
        new ReaderOptions
        {
            Kind = ReaderKind.Mfrc522,
            Mfrc522 = { SpiBus = 0, ChipSelect = chipSelect, ResetPin = resetPin, ClockHz = 1_000_000 },
        },
        NoCards.Instance, _time, _log, _bench);

    private static Pump<CardRead> Reads(ICardReader reader) => new(reader.ReadAsync);

    [Theory]
    [InlineData(new byte[] { 0x5E, 0x1A, 0x9C, 0x27 }, "5E1A9C27")]
    [InlineData(new byte[] { 0x04, 0x6F, 0x2A, 0xB1, 0x3C, 0x59, 0x80 }, "046F2AB13C5980")]
    [InlineData(new byte[] { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99 }, "04112233445566778899")]
    public async Task A_card_on_the_reader_is_read_with_its_exact_uid(byte[] uid, string expected)
    {
        _chip.Place(new Iso14443Card(uid));
        var reader = Reader();
        await using var reads = Reads(reader);

        Assert.Equal(new CardRead(expected, Start), await reads.NextAsync());
        Assert.Equal("ok", reader.Status);
        Assert.Equal("lecteur MFRC522 (SPI 0.0, RST GPIO 25)", reader.Name);
    }

    [Fact]
    public async Task With_no_card_in_the_field_nothing_is_read_until_a_card_comes()
    {
        var reader = Reader();
        await using var reads = Reads(reader);
        for (var i = 0; i < 25; i++) Assert.Equal(Poll, await _time.PassNextWaitAsync()); // 2.5 s, so the chip is checked twice too
        Assert.Equal(Poll, await _time.NextWaitAsync());

        Assert.Empty(reads.All);
        Assert.Equal("ok", reader.Status);

        _chip.Place(new Iso14443Card(SevenBytes));
        _time.Advance(Poll);
        Assert.Equal(new CardRead("046F2AB13C5980", Start + TimeSpan.FromMilliseconds(2_600)), await reads.NextAsync());
    }

    [Theory]
    [InlineData(1, 25, "SPI 0.1")] // SDA on CE1, configured CE0… or the other way round
    [InlineData(0, 24, "SPI 0.0")] // RST not on the pin the box drives: the chip stays powered down
    public async Task A_reader_wired_otherwise_than_configured_says_so_and_keeps_trying(int chipSelect, int resetPin, string bus)
    {
        _chip.Place(new Iso14443Card(FourBytes));
        var reader = Reader(chipSelect, resetPin);
        await using var reads = Reads(reader);

        Assert.Equal(TimeSpan.FromSeconds(1), await _time.PassNextWaitAsync());
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.PassNextWaitAsync());
        Assert.Equal(TimeSpan.FromSeconds(4), await _time.NextWaitAsync());

        Assert.Empty(reads.All);
        Assert.Equal(
            $"erreur: connexion impossible : le MFRC522 ne répond pas sur {bus} : vérifier le câblage (SDA, MISO, MOSI, SCK), l'alimentation 3,3 V et la broche RST",
            reader.Status);
        Assert.Equal(0, _bench.OpenDevices); // each failed try closed its SPI device and let go of the reset pin
    }

    [Fact]
    public async Task A_reader_whose_bus_fails_once_is_reported_then_reads_again()
    {
        _chip.Place(new Iso14443Card(FourBytes));
        var reader = Reader();
        await using var reads = Reads(reader);
        Assert.Equal(new CardRead("5E1A9C27", Start), await reads.NextAsync());

        _chip.FailNextTransfer();
        Assert.Equal(Poll, await _time.PassNextWaitAsync());
        Assert.Equal(TimeSpan.FromSeconds(1), await _time.NextWaitAsync());
        Assert.Equal("erreur: lecture interrompue : Error 5 performing SPI data transfer.", reader.Status);
        Assert.Contains("lecteur MFRC522 (SPI 0.0, RST GPIO 25) : lecture interrompue : Error 5 performing SPI data transfer. ; nouvel essai dans 1 s.", _log.Warnings);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new CardRead("5E1A9C27", Start + TimeSpan.FromMilliseconds(1_100)), await reads.NextAsync());
        Assert.Equal("ok", reader.Status);
        Assert.Equal(2, _bench.OpenDevices); // this connection's SPI device and GPIO controller; the first one's are closed
    }

    [Fact]
    public async Task A_reader_unplugged_is_noticed_while_idle_and_picked_up_again_once_back()
    {
        var reader = Reader();
        await using var reads = Reads(reader);
        Assert.Equal(Poll, await _time.PassNextWaitAsync());

        _chip.Unplug(); // reads as zeros, which alone looks like "no card"
        var polls = 0;
        TimeSpan wait;
        while ((wait = await _time.NextWaitAsync()) == Poll)
        {
            polls++;
            _time.Advance(wait);
        }
        Assert.Equal(TimeSpan.FromSeconds(1), wait); // the first retry
        Assert.Equal("erreur: lecture interrompue : le MFRC522 ne répond plus (débranché, ou redémarré après une coupure d'alimentation)", reader.Status);
        Assert.Equal(9, polls); // noticed at the check a second after the last good one

        _time.Advance(wait);
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.NextWaitAsync());
        Assert.StartsWith("erreur: connexion impossible : le MFRC522 ne répond pas sur SPI 0.0", reader.Status);

        _chip.PlugBack();
        _chip.Place(new Iso14443Card(FourBytes));
        _time.Advance(TimeSpan.FromSeconds(2));
        var read = await reads.NextAsync();
        Assert.Equal("5E1A9C27", read.RawUid);
        Assert.Equal("ok", reader.Status);
    }

    [Fact]
    public async Task A_card_left_on_the_reader_for_ten_seconds_is_one_tap_and_taken_again_it_is_another()
    {
        var card = new Iso14443Card(FourBytes);
        _chip.Place(card);
        var reader = Reader();
        await using var taps = new Pump<CardTap>(stop => CardTaps.From(reader, TimeSpan.FromSeconds(2), _log, stop));
        Assert.Equal(new CardTap("5E1A9C27", Start), await taps.NextAsync());

        for (var i = 0; i < 100; i++) await _time.PassNextWaitAsync();
        await _time.NextWaitAsync(); // the poll at 10 s is done

        // The card answers every other poll, as a real one does (asked REQA while ACTIVE, it drops to IDLE).
        Assert.Equal(51, card.Selections);
        Assert.Equal([new CardTap("5E1A9C27", Start)], taps.All);

        _chip.Remove(); // taken away for 3 s, longer than the window
        _time.Advance(Poll);
        for (var i = 0; i < 29; i++) await _time.PassNextWaitAsync();
        await _time.NextWaitAsync(); // the poll at 13 s is done, without the card
        _chip.Place(card);
        _time.Advance(Poll);

        Assert.Equal(new CardTap("5E1A9C27", Start + TimeSpan.FromMilliseconds(13_100)), await taps.NextAsync());
        Assert.Equal(2, taps.All.Count);
    }
}

using CarteValoise.Edge.Tests.Readers.Emulation;
using CarteValoise.Readers;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Tests.Readers;

/// <summary>
/// The real Iot.Device.Pn532 binding, driven by the box's reader, against an emulated PN532 on
/// I2C bus 1 at address 0x24 — the wiring of the README.
/// </summary>
public class Pn532ReaderTests
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 11, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly byte[] FourBytes = [0xB3, 0x07, 0xE2, 0x51];

    private readonly SteppedTime _time = new(Start);
    private readonly Bench _bench = new();
    private readonly LogRecorder _log = new();
    private readonly EmulatedPn532 _chip = new();

    public Pn532ReaderTests() => _bench.WireI2c(1, 0x24, _chip);

    private ICardReader Reader(int address = 0x24) => CardReaderFactory.Create(
        new ReaderOptions
        {
            Kind = ReaderKind.Pn532,
            Pn532 = { Transport = Pn532Transport.I2c, I2cBus = 1, I2cAddress = address },
        },
        NoCards.Instance, _time, _log, _bench);

    private static Pump<CardRead> Reads(ICardReader reader) => new(reader.ReadAsync);

    [Theory]
    [InlineData(new byte[] { 0xB3, 0x07, 0xE2, 0x51 }, "B307E251")]
    [InlineData(new byte[] { 0x04, 0x6F, 0x2A, 0xB1, 0x3C, 0x59, 0x80 }, "046F2AB13C5980")]
    public async Task A_card_on_the_reader_is_read_with_its_exact_uid(byte[] uid, string expected)
    {
        _chip.Place(new Iso14443Card(uid));
        var reader = Reader();
        await using var reads = Reads(reader);

        Assert.Equal(new CardRead(expected, Start), await reads.NextAsync());
        Assert.Equal("ok", reader.Status);
        Assert.Equal("lecteur PN532 (I2C 1, adresse 0x24)", reader.Name);
        // The chip was told to look once per request, not to wait for a card forever.
        Assert.Equal([0x14, 0x14, 0x02, 0x12, 0x14, 0x32, 0x4A], _chip.Commands);
    }

    [Fact]
    public async Task With_no_card_in_the_field_nothing_is_read_until_a_card_comes()
    {
        var reader = Reader();
        await using var reads = Reads(reader);
        for (var i = 0; i < 25; i++) Assert.Equal(Poll, await _time.PassNextWaitAsync());
        Assert.Equal(Poll, await _time.NextWaitAsync());

        Assert.Empty(reads.All);
        Assert.Equal("ok", reader.Status);
        Assert.Equal(26, _chip.Commands.Count(c => c == 0x4A)); // it was asked at every poll
        Assert.Equal(2, _chip.Commands.Count(c => c == 0x0C));  // and checked once a second

        _chip.Place(new Iso14443Card(FourBytes));
        _time.Advance(Poll);
        Assert.Equal(new CardRead("B307E251", Start + TimeSpan.FromMilliseconds(2_600)), await reads.NextAsync());
    }

    [Fact]
    public async Task A_reader_at_another_address_than_configured_says_so_and_keeps_trying()
    {
        _chip.Place(new Iso14443Card(FourBytes));
        var reader = Reader(address: 0x48);
        await using var reads = Reads(reader);

        Assert.Equal(TimeSpan.FromSeconds(1), await _time.PassNextWaitAsync());
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.NextWaitAsync());

        Assert.Empty(reads.All);
        Assert.Empty(_chip.Commands);
        Assert.Equal("erreur: connexion impossible : PN532 is not ready for I2C communication", reader.Status);
        Assert.Equal("lecteur PN532 (I2C 1, adresse 0x48)", reader.Name);
        Assert.Equal(0, _bench.OpenDevices);
    }

    [Fact]
    public async Task A_reader_whose_bus_fails_once_is_reported_then_reads_again()
    {
        _chip.Place(new Iso14443Card(FourBytes));
        var reader = Reader();
        await using var reads = Reads(reader);
        Assert.Equal(new CardRead("B307E251", Start), await reads.NextAsync());

        _chip.FailNextRead();
        Assert.Equal(Poll, await _time.PassNextWaitAsync());
        Assert.Equal(TimeSpan.FromSeconds(1), await _time.NextWaitAsync());
        Assert.Equal("erreur: lecture interrompue : Error 5 performing I2C data transfer.", reader.Status);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new CardRead("B307E251", Start + TimeSpan.FromMilliseconds(1_100)), await reads.NextAsync());
        Assert.Equal("ok", reader.Status);
        Assert.Equal(1, _bench.OpenDevices);
    }

    [Fact]
    public async Task A_reader_unplugged_is_noticed_while_idle_and_picked_up_again_once_back()
    {
        var reader = Reader();
        await using var reads = Reads(reader);
        Assert.Equal(Poll, await _time.PassNextWaitAsync());

        _chip.Unplug(); // the binding takes a refused transfer for "no card"
        var polls = 0;
        TimeSpan wait;
        while ((wait = await _time.NextWaitAsync()) == Poll)
        {
            polls++;
            _time.Advance(wait);
        }
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal("erreur: lecture interrompue : le PN532 ne répond plus (débranché, ou bloqué)", reader.Status);
        Assert.Equal(9, polls);

        _time.Advance(wait);
        Assert.Equal(TimeSpan.FromSeconds(2), await _time.NextWaitAsync());
        Assert.Equal("erreur: connexion impossible : PN532 is not ready for I2C communication", reader.Status);

        _chip.PlugBack();
        _chip.Place(new Iso14443Card(FourBytes));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("B307E251", (await reads.NextAsync()).RawUid);
        Assert.Equal("ok", reader.Status);
    }

    [Fact]
    public async Task A_card_left_on_the_reader_for_ten_seconds_is_one_tap_and_taken_again_it_is_another()
    {
        _chip.Place(new Iso14443Card(FourBytes));
        var reader = Reader();
        await using var taps = new Pump<CardTap>(stop => CardTaps.From(reader, TimeSpan.FromSeconds(2), _log, stop));
        Assert.Equal(new CardTap("B307E251", Start), await taps.NextAsync());

        for (var i = 0; i < 100; i++) await _time.PassNextWaitAsync();
        await _time.NextWaitAsync(); // the poll at 10 s is done

        Assert.Equal(101, _chip.CardsListed); // the PN532 lists the card at every poll
        Assert.Equal([new CardTap("B307E251", Start)], taps.All);

        _chip.Remove(); // taken away for 3 s, longer than the window
        _time.Advance(Poll);
        for (var i = 0; i < 29; i++) await _time.PassNextWaitAsync();
        await _time.NextWaitAsync();
        _chip.Place(new Iso14443Card(FourBytes));
        _time.Advance(Poll);

        Assert.Equal(new CardTap("B307E251", Start + TimeSpan.FromMilliseconds(13_100)), await taps.NextAsync());
        Assert.Equal(2, taps.All.Count);
    }
}

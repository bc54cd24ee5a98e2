using System.Device.Gpio;
using System.Device.Spi;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Hardware;
using CarteValoise.Readers.Polling;
using Iot.Device.Mfrc522;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers.Mfrc522;

/// <summary>
/// An MFRC522 on SPI through Iot.Device.Mfrc522. The chip says nothing when it is missing — a
/// loose MISO or a wrong chip select reads as zeros, which looks like "no card" — so the chip is
/// checked at connection (registers written must read back) and then about once a second while
/// no card is seen (the antenna bits set at connection must still be set: a chip that lost power
/// and came back has them cleared).
/// </summary>
internal sealed class Mfrc522Chip : ICardChip
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly SpiDevice _spi;
    private readonly GpioController? _gpio;
    private readonly MfRc522 _chip;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastCheck;

    private Mfrc522Chip(SpiDevice spi, GpioController? gpio, MfRc522 chip, TimeProvider time)
    {
        _spi = spi;
        _gpio = gpio;
        _chip = chip;
        _time = time;
        _lastCheck = time.GetUtcNow();
    }

    public static string Describe(Mfrc522Options wiring) =>
        $"lecteur MFRC522 (SPI {wiring.SpiBus}.{wiring.ChipSelect}, RST {(wiring.ResetPin >= 0 ? $"GPIO {wiring.ResetPin}" : "non câblé")})";

    public static Mfrc522Chip Connect(Mfrc522Options wiring, IReaderHardware hardware, TimeProvider time, ILogger logger)
    {
        var spi = hardware.OpenSpi(new SpiConnectionSettings(wiring.SpiBus, wiring.ChipSelect)
        {
            ClockFrequency = wiring.ClockHz,
            Mode = MfRc522.DefaultSpiMode,
        });
        GpioController? gpio = null;
        MfRc522? chip = null;
        try
        {
            // Our controller, not the binding's: if the chip fails while going to sleep, the reset
            // pin must still be released, or the next connection would find it busy.
            gpio = wiring.ResetPin >= 0 ? hardware.OpenGpio() : null;
            chip = new MfRc522(spi, wiring.ResetPin, gpio, shouldDispose: false);
            // Written and read back (33 dB is the chip's own default): a missing chip reads all
            // zeros and a floating MISO all ones, and neither gives back both the gain and the antenna bits.
            chip.Gain = Gain.G33dB;
            if (!chip.Enabled || chip.Gain != Gain.G33dB)
                throw new IOException($"le MFRC522 ne répond pas sur SPI {wiring.SpiBus}.{wiring.ChipSelect} : vérifier le câblage (SDA, MISO, MOSI, SCK), l'alimentation 3,3 V et la broche RST");
            logger.LogInformation("MFRC522 trouvé sur SPI {Bus}.{ChipSelect}, version {Version}.", wiring.SpiBus, wiring.ChipSelect, chip.Version);
            return new Mfrc522Chip(spi, gpio, chip, time);
        }
        catch
        {
            try
            {
                Close(chip, spi, gpio);
            }
            catch (Exception)
            {
                // the reason the connection failed matters more than how closing it went
            }
            throw;
        }
    }

    public byte[]? FindCard()
    {
        // A zero timeout asks once: the polling loop, not the binding, decides when to ask again.
        if (_chip.ListenToCardIso14443TypeA(out var card, TimeSpan.Zero) && card.NfcId is { Length: > 0 } uid)
        {
            _lastCheck = _time.GetUtcNow();
            return uid;
        }
        var now = _time.GetUtcNow();
        if (now - _lastCheck >= CheckEvery)
        {
            _lastCheck = now;
            if (!_chip.Enabled)
                throw new IOException("le MFRC522 ne répond plus (débranché, ou redémarré après une coupure d'alimentation)");
        }
        return null;
    }

    public void Dispose() => Close(_chip, _spi, _gpio);

    private static void Close(MfRc522? chip, SpiDevice spi, GpioController? gpio)
    {
        try
        {
            chip?.Dispose(); // switches the antenna off, then closes the SPI device
        }
        finally
        {
            spi.Dispose();
            gpio?.Dispose();
        }
    }
}

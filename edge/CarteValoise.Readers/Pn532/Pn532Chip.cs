using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Hardware;
using CarteValoise.Readers.Polling;
using Iot.Device.Pn532.ListPassive;
using Iot.Device.Pn532.RfConfiguration;
using Microsoft.Extensions.Logging;
using Pn532Binding = Iot.Device.Pn532.Pn532;

namespace CarteValoise.Readers.Pn532;

/// <summary>
/// A PN532 over I2C, SPI or serial through Iot.Device.Pn532. The binding answers "no card" both
/// when the field is empty and when the chip does not answer at all, so while no card is seen the
/// chip is asked about once a second for something it always answers (its GPIO state).
/// </summary>
internal sealed class Pn532Chip : ICardChip
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly Pn532Binding _chip;
    private readonly GpioController? _gpio;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastCheck;

    private Pn532Chip(Pn532Binding chip, GpioController? gpio, TimeProvider time)
    {
        _chip = chip;
        _gpio = gpio;
        _time = time;
        _lastCheck = time.GetUtcNow();
    }

    public static string Describe(Pn532Options wiring) => wiring.Transport switch
    {
        Pn532Transport.I2c => $"lecteur PN532 (I2C {wiring.I2cBus}, adresse 0x{wiring.I2cAddress:X2})",
        Pn532Transport.Spi => $"lecteur PN532 (SPI {wiring.SpiBus}, SS GPIO {wiring.ChipSelect})",
        _ => $"lecteur PN532 (série {wiring.SerialPort})",
    };

    public static Pn532Chip Connect(Pn532Options wiring, IReaderHardware hardware, TimeProvider time, ILogger logger)
    {
        I2cDevice? i2c = null;
        SpiDevice? spi = null;
        GpioController? gpio = null;
        Pn532Binding? chip = null;
        try
        {
            switch (wiring.Transport)
            {
                case Pn532Transport.I2c:
                    i2c = hardware.OpenI2c(new I2cConnectionSettings(wiring.I2cBus, wiring.I2cAddress));
                    chip = new Pn532Binding(i2c);
                    break;
                case Pn532Transport.Spi:
                    // No kernel chip select (-1): the binding holds SS low across the transfers of one exchange.
                    spi = hardware.OpenSpi(new SpiConnectionSettings(wiring.SpiBus, -1)
                    {
                        DataFlow = DataFlow.LsbFirst,
                        Mode = Pn532Binding.SpiMode,
                        ClockFrequency = Pn532Binding.SpiClockFrequency,
                    });
                    gpio = hardware.OpenGpio();
                    chip = new Pn532Binding(spi, wiring.ChipSelect, gpio, shouldDispose: false);
                    break;
                default:
                    chip = new Pn532Binding(wiring.SerialPort);
                    break;
            }
            // Out of the box the PN532 waits for a card forever; once is enough, the loop asks again.
            if (!chip.SetMaxRetriesInitialization(new MaxRetriesMode { MaxRetryPassiveActivation = 0x00 }))
                throw new IOException("le PN532 refuse sa configuration (RFConfiguration)");
            logger.LogInformation("PN532 trouvé, micrologiciel {Version}.", chip.FirmwareVersion?.Version);
            return new Pn532Chip(chip, gpio, time);
        }
        catch
        {
            try
            {
                chip?.Dispose();
                i2c?.Dispose();
                spi?.Dispose();
                gpio?.Dispose();
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
        var targets = _chip.ListPassiveTarget(MaxTarget.One, TargetBaudRate.B106kbpsTypeA);
        // The first byte counts the targets; the target itself follows.
        if (targets is { Length: > 1 } && _chip.TryDecode106kbpsTypeA(targets.AsSpan(1)) is { NfcId: { Length: > 0 } uid })
        {
            _lastCheck = _time.GetUtcNow();
            return uid;
        }
        var now = _time.GetUtcNow();
        if (now - _lastCheck >= CheckEvery)
        {
            _lastCheck = now;
            if (!_chip.ReadGpio(out _, out _, out _))
                throw new IOException("le PN532 ne répond plus (débranché, ou bloqué)");
        }
        return null;
    }

    public void Dispose()
    {
        try
        {
            _chip.Dispose();
        }
        finally
        {
            _gpio?.Dispose();
        }
    }
}

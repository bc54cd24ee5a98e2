using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;

namespace CarteValoise.Readers.Hardware;

/// <summary>
/// Where the readers' buses come from: the board's own SPI, I2C and GPIO on a box, emulated chips
/// in tests. Every call opens a new device that the caller disposes, so a reader that lost its
/// chip can start again from nothing.
/// </summary>
public interface IReaderHardware
{
    SpiDevice OpenSpi(SpiConnectionSettings settings);

    I2cDevice OpenI2c(I2cConnectionSettings settings);

    GpioController OpenGpio();
}

/// <summary>The board the box runs on: /dev/spidevB.C, /dev/i2c-B and the GPIO chip.</summary>
public sealed class BoardHardware : IReaderHardware
{
    public static BoardHardware Instance { get; } = new();

    private BoardHardware()
    {
    }

    public SpiDevice OpenSpi(SpiConnectionSettings settings) => SpiDevice.Create(settings);

    public I2cDevice OpenI2c(I2cConnectionSettings settings) => I2cDevice.Create(settings);

    public GpioController OpenGpio() => new();
}

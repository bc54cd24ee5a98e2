using System.Device.Gpio;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// An active buzzer on a plain GPIO pin: it sounds its own tone while the pin is high, so the
/// patterns keep their rhythm but not their pitch. The pin belongs to the controller's owner.
/// </summary>
public sealed class GpioBeeper(GpioController gpio, int pin) : IBeeper
{
    public void Start(double frequencyHz) => gpio.Write(pin, PinValue.High);

    public void Stop() => gpio.Write(pin, PinValue.Low);

    public void Dispose()
    {
    }
}

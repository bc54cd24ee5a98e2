using System.Device.Gpio;
using System.Device.Pwm;
using CarteValoise.Edge.Configuration;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// Builds the box's feedback from the "Feedback" section: always the console line; with Kind=Gpio
/// the LEDs and buzzer too. A GPIO that cannot be opened (no /dev/gpiochip, pin taken, no PWM
/// overlay) is logged and the box runs with the console line alone: it must serve the canteen
/// with a dead LED.
/// </summary>
public static class FeedbackFactory
{
    public static FeedbackFan Create(FeedbackOptions options, TextWriter console, TimeProvider time, ILoggerFactory loggers) =>
        Create(options, console, time, loggers, () => new GpioController(), (chip, channel) => PwmChannel.Create(chip, channel));

    /// <param name="openGpio">The board's GPIO (a fake driver in tests).</param>
    /// <param name="openPwm">A hardware PWM channel by chip and channel.</param>
    public static FeedbackFan Create(
        FeedbackOptions options, TextWriter console, TimeProvider time, ILoggerFactory loggers,
        Func<GpioController> openGpio, Func<int, int, PwmChannel> openPwm)
    {
        var outputs = new List<IFeedback> { new ConsoleFeedback(console) };
        if (options.Kind == FeedbackKind.Gpio && TryOpenGpio(options, time, loggers, openGpio, openPwm) is { } gpio) outputs.Add(gpio);
        return new FeedbackFan(outputs, loggers.CreateLogger<FeedbackFan>());
    }

    private static GpioFeedback? TryOpenGpio(
        FeedbackOptions options, TimeProvider time, ILoggerFactory loggers, Func<GpioController> openGpio, Func<int, int, PwmChannel> openPwm)
    {
        var logger = loggers.CreateLogger<GpioFeedback>();
        GpioController? gpio = null;
        IBeeper? beeper = null;
        try
        {
            gpio = openGpio();
            if (options.UsesPwmBuzzer)
            {
                beeper = new PwmBeeper(openPwm(options.BuzzerPwmChip!.Value, options.BuzzerPwmChannel!.Value));
            }
            else if (options.BuzzerPin is { } pin)
            {
                gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
                beeper = new GpioBeeper(gpio, pin);
            }
            var feedback = new GpioFeedback(gpio, options, beeper, time, logger);
            logger.LogInformation("Voyants sur les GPIO {Green} (vert) et {Red} (rouge), buzzer {Buzzer}.",
                options.GreenLedPin, options.RedLedPin,
                options.UsesPwmBuzzer ? $"PWM {options.BuzzerPwmChip}.{options.BuzzerPwmChannel}" : options.BuzzerPin is { } b ? $"GPIO {b}" : "aucun");
            return feedback;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Voyants et buzzer indisponibles (GPIO {Green}/{Red}) : la box sert quand même, avec la ligne sur la console seulement.",
                options.GreenLedPin, options.RedLedPin);
            TryDispose(beeper);
            TryDispose(gpio);
            return null;
        }
    }

    private static void TryDispose(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (Exception)
        {
            // Already failing; the first error is the one logged.
        }
    }
}

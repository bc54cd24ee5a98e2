using System.Device.Gpio;
using System.Device.Pwm;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Tests.Feedback;

public class FeedbackFactoryTests
{
    private static readonly RecordedTap Lea = new(1, "04A1B2C3", new DateTimeOffset(2025, 4, 1, 10, 0, 0, TimeSpan.Zero), Decision.Accepted, "Léa", false);

    private static Func<int, int, PwmChannel> NoPwm => (_, _) => throw new InvalidOperationException("pas de PWM attendu");

    [Fact]
    public void By_default_the_staff_get_the_console_line_only()
    {
        var console = new StringWriter();
        using var feedback = FeedbackFactory.Create(new FeedbackOptions(), console, TimeProvider.System, new ListLoggerFactory(),
            () => throw new InvalidOperationException("pas de GPIO attendu"), NoPwm);

        feedback.Show(Lea);

        Assert.IsType<ConsoleFeedback>(Assert.Single(feedback.Outputs));
        Assert.Equal("[OK] Bon appétit Léa !" + Environment.NewLine, console.ToString());
    }

    [Fact]
    public async Task With_Gpio_the_LEDs_and_the_beeper_pin_are_outputs_and_light_up_with_the_console_line()
    {
        var clock = new VirtualTime();
        var driver = new FakeGpioDriver(clock);
        var console = new StringWriter();
        var feedback = FeedbackFactory.Create(new FeedbackOptions { Kind = FeedbackKind.Gpio, GreenLedPin = 5, RedLedPin = 6, BuzzerPin = 13 },
            console, clock, new ListLoggerFactory(), () => new GpioController(driver), NoPwm);
        driver.TakeWrites();

        feedback.Show(Lea);
        await driver.WaitForWritesAsync(4);
        feedback.Dispose();

        Assert.Equal("[OK] Bon appétit Léa !" + Environment.NewLine, console.ToString());
        Assert.Equal(["0 ms : GPIO 5 haut", "0 ms : GPIO 13 haut", "100 ms : GPIO 13 bas", "1000 ms : GPIO 5 bas"], driver.Writes.Select(w => w.ToString()));
    }

    [Fact]
    public void With_a_PWM_channel_configured_the_buzzer_is_on_that_channel_and_no_beeper_pin_is_taken()
    {
        var clock = new VirtualTime();
        var driver = new FakeGpioDriver(clock);
        (int Chip, int Channel)? opened = null;
        var feedback = FeedbackFactory.Create(new FeedbackOptions { Kind = FeedbackKind.Gpio, BuzzerPwmChip = 0, BuzzerPwmChannel = 1 },
            new StringWriter(), clock, new ListLoggerFactory(), () => new GpioController(driver), (chip, channel) =>
            {
                opened = (chip, channel);
                return new FakePwmChannel(clock);
            });

        Assert.Equal((0, 1), opened);
        Assert.Equal(new Dictionary<int, PinMode> { [17] = PinMode.Output, [27] = PinMode.Output }, driver.OpenPins);
        feedback.Dispose();
    }

    [Fact]
    public void A_box_whose_GPIO_cannot_be_opened_serves_with_the_console_line_and_says_why()
    {
        var driver = new FakeGpioDriver(TimeProvider.System) { FailOpenWith = new UnauthorizedAccessException("/dev/gpiochip0 : permission refusée") };
        var loggers = new ListLoggerFactory();
        var console = new StringWriter();
        using var feedback = FeedbackFactory.Create(new FeedbackOptions { Kind = FeedbackKind.Gpio }, console, TimeProvider.System, loggers,
            () => new GpioController(driver), NoPwm);

        feedback.Show(Lea);

        Assert.IsType<ConsoleFeedback>(Assert.Single(feedback.Outputs));
        Assert.Equal("[OK] Bon appétit Léa !" + Environment.NewLine, console.ToString());
        Assert.Equal(
            ["Voyants et buzzer indisponibles (GPIO 17/27) : la box sert quand même, avec la ligne sur la console seulement."],
            loggers.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message));
    }
}

using System.Device.Gpio;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers.Taps;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Feedback;

/// <summary>The LEDs and the buzzer, through System.Device.Gpio's GpioController over a fake driver: green 17, red 27, buzzer 22.</summary>
public class GpioFeedbackTests
{
    private static readonly DateTimeOffset Noon = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly FeedbackOptions Pins = new() { Kind = FeedbackKind.Gpio, GreenLedPin = 17, RedLedPin = 27, BuzzerPin = 22 };

    private static RecordedTap Tap(Decision decision, bool allergyPlan = false, TapService service = TapService.Canteen) =>
        new(1, "04A1B2C3", Noon, decision, "Léa", allergyPlan, service);

    private static (GpioFeedback Feedback, FakeGpioDriver Driver, ListLogger<GpioFeedback> Log) Open(TimeProvider clock)
    {
        var driver = new FakeGpioDriver(clock);
        var gpio = new GpioController(driver);
        gpio.OpenPin(22, PinMode.Output, PinValue.Low);
        var log = new ListLogger<GpioFeedback>();
        var feedback = new GpioFeedback(gpio, Pins, new GpioBeeper(gpio, 22), clock, log);
        driver.TakeWrites(); // opening the pins
        return (feedback, driver, log);
    }

    public static TheoryData<string, RecordedTap, string[]> EachAnswer => new()
    {
        {
            "accepté : vert, un bip court", Tap(Decision.Accepted),
            ["0 ms : GPIO 17 haut", "0 ms : GPIO 22 haut", "100 ms : GPIO 22 bas", "1000 ms : GPIO 17 bas"]
        },
        {
            "départ du périscolaire : vert, deux bips", Tap(Decision.Accepted, service: TapService.CareCheckOut),
            ["0 ms : GPIO 17 haut", "0 ms : GPIO 22 haut", "80 ms : GPIO 22 bas", "140 ms : GPIO 22 haut", "220 ms : GPIO 22 bas", "1000 ms : GPIO 17 bas"]
        },
        {
            "déjà servi : rouge, deux bips", Tap(Decision.AlreadyServed),
            ["0 ms : GPIO 27 haut", "0 ms : GPIO 22 haut", "150 ms : GPIO 22 bas", "250 ms : GPIO 22 haut", "400 ms : GPIO 22 bas", "1500 ms : GPIO 27 bas"]
        },
        {
            "non attendu : rouge, trois bips brefs", Tap(Decision.NotExpected),
            [
                "0 ms : GPIO 27 haut", "0 ms : GPIO 22 haut", "80 ms : GPIO 22 bas", "160 ms : GPIO 22 haut", "240 ms : GPIO 22 bas",
                "320 ms : GPIO 22 haut", "400 ms : GPIO 22 bas", "1500 ms : GPIO 27 bas",
            ]
        },
        {
            "carte inconnue : rouge, un bip long", Tap(Decision.UnknownCard),
            ["0 ms : GPIO 27 haut", "0 ms : GPIO 22 haut", "700 ms : GPIO 22 bas", "1500 ms : GPIO 27 bas"]
        },
        {
            "carte bloquée : rouge, trois bips longs", Tap(Decision.BlockedCard),
            [
                "0 ms : GPIO 27 haut", "0 ms : GPIO 22 haut", "300 ms : GPIO 22 bas", "450 ms : GPIO 22 haut", "750 ms : GPIO 22 bas",
                "900 ms : GPIO 22 haut", "1200 ms : GPIO 22 bas", "1500 ms : GPIO 27 bas",
            ]
        },
        {
            "accepté avec PAI : puis les deux voyants clignotent avec des bips aigus", Tap(Decision.Accepted, allergyPlan: true),
            [
                "0 ms : GPIO 17 haut", "0 ms : GPIO 22 haut", "100 ms : GPIO 22 bas",
                "1000 ms : GPIO 27 haut", "1000 ms : GPIO 22 haut", "1200 ms : GPIO 17 bas", "1200 ms : GPIO 27 bas", "1200 ms : GPIO 22 bas",
                "1350 ms : GPIO 17 haut", "1350 ms : GPIO 27 haut", "1350 ms : GPIO 22 haut", "1550 ms : GPIO 17 bas", "1550 ms : GPIO 27 bas", "1550 ms : GPIO 22 bas",
                "1700 ms : GPIO 17 haut", "1700 ms : GPIO 27 haut", "1700 ms : GPIO 22 haut", "1900 ms : GPIO 17 bas", "1900 ms : GPIO 27 bas", "1900 ms : GPIO 22 bas",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(EachAnswer))]
    public async Task Each_answer_has_its_lights_and_beeps(string answer, RecordedTap tap, string[] expected)
    {
        var (feedback, driver, _) = Open(new VirtualTime());

        feedback.Show(tap);
        await driver.WaitForWritesAsync(expected.Length);
        feedback.Dispose(); // everything is off already: nothing more is written

        Assert.True(expected.SequenceEqual(driver.Writes.Select(w => w.ToString())),
            $"{answer} :{Environment.NewLine}{string.Join(Environment.NewLine, driver.Writes)}");
    }

    [Fact]
    public async Task A_tap_not_written_blinks_red_over_a_low_tone()
    {
        var (feedback, driver, _) = Open(new VirtualTime());
        feedback.ShowNotRecorded(new CardTap("04A1B2C3", Noon));
        await driver.WaitForWritesAsync(8);
        feedback.Dispose();
        Assert.Equal(
            ["0 ms : GPIO 27 haut", "0 ms : GPIO 22 haut", "250 ms : GPIO 27 bas", "500 ms : GPIO 27 haut", "750 ms : GPIO 27 bas",
             "1000 ms : GPIO 27 haut", "1250 ms : GPIO 27 bas", "1500 ms : GPIO 22 bas"],
            driver.Writes.Select(w => w.ToString()));
    }

    [Fact]
    public async Task The_next_child_does_not_wait_for_the_last_pattern_to_end()
    {
        var clock = new FakeTimeProvider(Noon); // never advanced: a pattern would hold its first step for ever
        var (feedback, driver, _) = Open(clock);

        feedback.Show(Tap(Decision.Accepted));
        await driver.WaitForWritesAsync(2);
        feedback.Show(Tap(Decision.AlreadyServed));
        await driver.WaitForWritesAsync(6);
        feedback.Dispose();

        Assert.Equal(
            [
                "0 ms : GPIO 17 haut", "0 ms : GPIO 22 haut", // Léa: green, beep
                "0 ms : GPIO 17 bas", "0 ms : GPIO 22 bas",   // cut short
                "0 ms : GPIO 27 haut", "0 ms : GPIO 22 haut", // Hugo: red, beep
                "0 ms : GPIO 27 bas", "0 ms : GPIO 22 bas",   // the box stops: all off
            ],
            driver.Writes.Select(w => w.ToString()));
    }

    [Fact]
    public async Task With_a_PWM_channel_the_buzzer_plays_each_pattern_at_its_pitch()
    {
        var clock = new VirtualTime();
        var driver = new FakeGpioDriver(clock);
        var pwm = new FakePwmChannel(clock);
        var feedback = new GpioFeedback(new GpioController(driver), Pins, new PwmBeeper(pwm), clock, new ListLogger<GpioFeedback>());
        driver.TakeWrites();

        feedback.Show(Tap(Decision.AlreadyServed));
        await driver.WaitForWritesAsync(2); // red on, then off at the end
        feedback.Dispose();

        Assert.Equal(["0 ms : GPIO 27 haut", "1500 ms : GPIO 27 bas"], driver.Writes.Select(w => w.ToString()));
        Assert.Equal(
            ["0 ms : fréquence 880 Hz", "0 ms : marche", "150 ms : arrêt", "250 ms : fréquence 880 Hz", "250 ms : marche", "400 ms : arrêt"],
            pwm.Calls);
        Assert.True(pwm.Disposed);
    }

    [Fact]
    public async Task A_broken_GPIO_is_logged_once_and_the_staff_still_get_the_console_line()
    {
        var clock = new VirtualTime();
        var (gpio, driver, log) = Open(clock);
        driver.FailWritesWith = new IOException("/dev/gpiochip0 : Input/output error");
        var console = new StringWriter();
        using var feedback = new FeedbackFan([new ConsoleFeedback(console), gpio], new ListLogger<FeedbackFan>());
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        log.Logged += (level, _) =>
        {
            if (level == LogLevel.Error) logged.TrySetResult();
        };

        feedback.Show(Tap(Decision.Accepted));
        await logged.Task.WaitAsync(TimeSpan.FromSeconds(15));
        feedback.Show(Tap(Decision.AlreadyServed));
        feedback.Dispose();

        Assert.Equal(
            ["[OK] Bon appétit Léa !", "[REFUS] Léa a déjà pris son repas aujourd'hui."],
            console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            ["Voyants ou buzzer en panne (GPIO) : la box continue, avec la ligne sur la console seulement."],
            log.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message));
    }

    [Fact]
    public void A_GPIO_that_hangs_does_not_hold_the_tap()
    {
        var clock = new VirtualTime();
        var (gpio, driver, _) = Open(clock);
        using var held = new ManualResetEventSlim(false);
        driver.HoldWrites = held;
        var console = new StringWriter();
        var feedback = new FeedbackFan([new ConsoleFeedback(console), gpio], new ListLogger<FeedbackFan>());

        feedback.Show(Tap(Decision.Accepted));
        feedback.Show(Tap(Decision.UnknownCard) with { ChildFirstName = null });

        // Both lines are out while the GPIO still holds its first write.
        Assert.Equal(
            ["[OK] Bon appétit Léa !", "[REFUS] Carte inconnue (04A1B2C3)."],
            console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        held.Set();
        feedback.Dispose();
    }
}

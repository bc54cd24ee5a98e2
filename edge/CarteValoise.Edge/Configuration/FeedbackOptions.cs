namespace CarteValoise.Edge.Configuration;

/// <summary>
/// The "Feedback" section: what the child and the staff see and hear. The console line is always
/// there; <see cref="FeedbackKind.Gpio"/> adds the LEDs and the buzzer, wired to the pins below
/// (BCM numbers, as on the Raspberry Pi's pinout: GPIO 17 is physical pin 11).
/// </summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    public FeedbackKind Kind { get; set; } = FeedbackKind.Console;

    public int GreenLedPin { get; set; } = 17;

    public int RedLedPin { get; set; } = 27;

    /// <summary>An active buzzer (beeps when the pin is high), used when no PWM channel is given.</summary>
    public int? BuzzerPin { get; set; } = 22;

    /// <summary>A passive buzzer on a hardware PWM channel (Raspberry Pi: chip 0, channel 0 = GPIO 18 with dtoverlay=pwm), for real tones.</summary>
    public int? BuzzerPwmChip { get; set; }

    public int? BuzzerPwmChannel { get; set; }

    public bool UsesPwmBuzzer => BuzzerPwmChip is not null && BuzzerPwmChannel is not null;
}

public enum FeedbackKind
{
    /// <summary>The staff's line on the console (the journal under systemd) only.</summary>
    Console,

    /// <summary>The console line, plus green/red LEDs and a buzzer on the GPIO.</summary>
    Gpio,
}

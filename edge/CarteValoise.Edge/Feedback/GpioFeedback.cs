using System.Device.Gpio;
using CarteValoise.Edge.Common;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Taps;
using CarteValoise.Readers.Taps;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// The green and red LEDs and the buzzer. <see cref="Show"/> only hands the pattern over and
/// returns: a player of its own plays it, so a tap never waits for a one-second pattern nor for
/// a GPIO that hangs. A newer tap cuts the pattern playing short (the child in front of the reader
/// now comes first). A GPIO failure is logged — once per run of failures, not once per tap — and
/// the box serves on; the console line is the other feedback's job.
/// </summary>
public sealed class GpioFeedback : IFeedback, IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _greenPin;
    private readonly int _redPin;
    private readonly IBeeper? _beeper;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Signal _wake = new();
    private readonly Task _player;
    private FeedbackPattern? _pending;
    private CancellationTokenSource _playing = new();
    private bool _stopping;

    // What the pins are known to show, so only changes are written; null after a failure (unknown).
    private (Light Light, double? Tone)? _shown;
    private bool _failing;

    /// <summary>Takes the controller and the beeper over (disposes them); opens the LED pins as outputs, off.</summary>
    public GpioFeedback(GpioController gpio, FeedbackOptions pins, IBeeper? beeper, TimeProvider time, ILogger<GpioFeedback> logger)
    {
        _gpio = gpio;
        _greenPin = pins.GreenLedPin;
        _redPin = pins.RedLedPin;
        _beeper = beeper;
        _time = time;
        _logger = logger;
        _gpio.OpenPin(_greenPin, PinMode.Output, PinValue.Low);
        _gpio.OpenPin(_redPin, PinMode.Output, PinValue.Low);
        _shown = (Light.None, null);
        _player = Task.Run(PlayAsync);
    }

    public void Show(RecordedTap tap) => Play(FeedbackPatterns.For(tap));

    public void ShowNotRecorded(CardTap tap) => Play(FeedbackPatterns.NotRecorded);

    public void Play(FeedbackPattern pattern)
    {
        lock (_gate)
        {
            _pending = pattern;
            _playing.Cancel();
        }
        _wake.Raise();
    }

    private async Task PlayAsync()
    {
        while (true)
        {
            var wake = _wake.Next;
            FeedbackPattern? pattern;
            CancellationToken cutShort;
            lock (_gate)
            {
                if (_stopping) break;
                pattern = _pending;
                _pending = null;
                if (pattern is not null)
                {
                    _playing.Dispose();
                    _playing = new CancellationTokenSource();
                }
                cutShort = _playing.Token;
            }
            if (pattern is null)
            {
                await wake;
                continue;
            }
            try
            {
                foreach (var step in pattern.Steps)
                {
                    Set(step.Light, step.ToneHz);
                    await Task.Delay(step.Duration, _time, cutShort);
                }
            }
            catch (OperationCanceledException)
            {
                // A newer tap, or the box stopping: its turn now.
            }
            Set(Light.None, null);
        }
        Set(Light.None, null);
    }

    private void Set(Light light, double? tone)
    {
        var before = _shown;
        try
        {
            var green = light.HasFlag(Light.Green);
            var red = light.HasFlag(Light.Red);
            if (before is not { } known || known.Light.HasFlag(Light.Green) != green)
                _gpio.Write(_greenPin, green ? PinValue.High : PinValue.Low);
            if (before is not { } knownRed || knownRed.Light.HasFlag(Light.Red) != red)
                _gpio.Write(_redPin, red ? PinValue.High : PinValue.Low);
            if (_beeper is not null && (before is not { } knownTone || knownTone.Tone != tone))
            {
                if (tone is { } hz) _beeper.Start(hz);
                else _beeper.Stop();
            }
            _shown = (light, tone);
            if (_failing) _logger.LogInformation("Voyants et buzzer de nouveau en service.");
            _failing = false;
        }
        catch (Exception ex)
        {
            _shown = null;
            if (!_failing) _logger.LogError(ex, "Voyants ou buzzer en panne (GPIO) : la box continue, avec la ligne sur la console seulement.");
            _failing = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping) return;
            _stopping = true;
            _playing.Cancel();
        }
        _wake.Raise();
        _player.GetAwaiter().GetResult();
        _playing.Dispose();
        _beeper?.Dispose();
        _gpio.Dispose();
    }
}

using System.Device.Pwm;

namespace CarteValoise.Edge.Tests.Feedback;

/// <summary>A hardware PWM channel that keeps what Iot.Device.Buzzer asked of it, as text, with the test clock's instant.</summary>
public sealed class FakePwmChannel(TimeProvider clock) : PwmChannel
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];
    private readonly DateTimeOffset _start = clock.GetUtcNow();
    private int _frequency;

    public bool Disposed { get; private set; }

    public IReadOnlyList<string> Calls
    {
        get { lock (_gate) return _calls.ToList(); }
    }

    public override int Frequency
    {
        get => _frequency;
        set
        {
            _frequency = value;
            Record($"fréquence {value} Hz");
        }
    }

    public override double DutyCycle { get; set; }

    public override void Start() => Record("marche");

    public override void Stop() => Record("arrêt");

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private void Record(string call)
    {
        lock (_gate) _calls.Add($"{(int)(clock.GetUtcNow() - _start).TotalMilliseconds} ms : {call}");
    }
}

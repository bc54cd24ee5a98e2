using System.Device.Gpio;

namespace CarteValoise.Edge.Tests.Feedback;

/// <summary>
/// The board's GPIO as the feedback sees it through System.Device.Gpio's GpioController: every
/// pin write is kept with the instant it happened (from the test's clock). It can be told to
/// fail (a broken or missing GPIO) or to hang (a GPIO that blocks the caller).
/// </summary>
public sealed class FakeGpioDriver(TimeProvider clock) : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly List<PinWrite> _writes = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiting = [];
    private readonly DateTimeOffset _start = clock.GetUtcNow();

    public Exception? FailWritesWith { get; set; }
    public Exception? FailOpenWith { get; set; }
    public ManualResetEventSlim? HoldWrites { get; set; }

    protected override int PinCount => 64;

    public IReadOnlyList<PinWrite> Writes
    {
        get { lock (_gate) return _writes.ToList(); }
    }

    public IReadOnlyDictionary<int, PinMode> OpenPins
    {
        get { lock (_gate) return new Dictionary<int, PinMode>(_modes); }
    }

    /// <summary>The writes so far, forgotten: what comes next is what the test looks at.</summary>
    public IReadOnlyList<PinWrite> TakeWrites()
    {
        lock (_gate)
        {
            var taken = _writes.ToList();
            _writes.Clear();
            return taken;
        }
    }

    public Task WaitForWritesAsync(int count)
    {
        lock (_gate)
        {
            if (_writes.Count >= count) return Task.CompletedTask;
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        if (FailOpenWith is not null) throw FailOpenWith;
        lock (_gate) _modes[pinNumber] = PinMode.Input;
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate) _modes.Remove(pinNumber);
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate) _modes[pinNumber] = mode;
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate) return _modes[pinNumber];
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber)
    {
        lock (_gate) return _writes.LastOrDefault(w => w.Pin == pinNumber)?.Value ?? PinValue.Low;
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        HoldWrites?.Wait(TimeSpan.FromSeconds(15));
        if (FailWritesWith is not null) throw FailWritesWith;
        lock (_gate)
        {
            _writes.Add(new PinWrite((int)(clock.GetUtcNow() - _start).TotalMilliseconds, pinNumber, value));
            foreach (var waiting in _waiting.Where(w => _writes.Count >= w.Count).ToList())
            {
                waiting.Reached.TrySetResult();
                _waiting.Remove(waiting);
            }
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("la box n'attend aucun événement de broche");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("la box n'attend aucun événement de broche");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("la box n'attend aucun événement de broche");
}

/// <summary>A pin set high or low, <paramref name="AtMs"/> milliseconds after the start of the test's clock.</summary>
public sealed record PinWrite(int AtMs, int Pin, PinValue Value)
{
    public override string ToString() => $"{AtMs} ms : GPIO {Pin} {(Value == PinValue.High ? "haut" : "bas")}";
}

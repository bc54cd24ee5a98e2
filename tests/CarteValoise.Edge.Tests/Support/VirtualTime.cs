namespace CarteValoise.Edge.Tests.Support;

/// <summary>
/// A clock on which every wait ends at once, having moved the clock forward by its length: a
/// pattern of LEDs and beeps that lasts seconds plays in microseconds, and each step still
/// happens at its exact instant. For a single waiter at a time (the feedback's player).
/// </summary>
public sealed class VirtualTime : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return new NeverTimer();
        lock (_gate) _now += dueTime;
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NeverTimer();
    }

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

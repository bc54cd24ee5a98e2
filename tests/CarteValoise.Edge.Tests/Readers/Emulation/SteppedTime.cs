using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>
/// A fake clock that tells when the reader starts waiting and for how long, so a test lets each
/// wait pass in turn — the poll interval, a retry delay — without sleeping and without racing.
/// </summary>
public sealed class SteppedTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Until the reader waits; how long it asked to wait. The wait does not pass.</summary>
    public Task<TimeSpan> NextWaitAsync() => _waits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Until the reader waits, then lets that wait pass; how long it was.</summary>
    public async Task<TimeSpan> PassNextWaitAsync()
    {
        var due = await NextWaitAsync();
        Advance(due);
        return due;
    }
}

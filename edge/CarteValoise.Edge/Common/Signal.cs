namespace CarteValoise.Edge.Common;

/// <summary>
/// A wake-up call that is never lost: take <see cref="Next"/> BEFORE looking at the state you
/// wait on, then await it; a <see cref="Raise"/> in between still wakes you. Lets the uplink
/// sleep until something happens instead of polling.
/// </summary>
public sealed class Signal
{
    private TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Raise() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Threading.Channels;

namespace CarteValoise.Edge.Tests.Readers.Emulation;

/// <summary>Pulls a sequence in the background, as the box's reader loop does, and keeps what came.</summary>
public sealed class Pump<T> : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<T> _arrived = Channel.CreateUnbounded<T>();
    private readonly List<T> _all = [];
    private readonly Task _pumping;

    public Pump(Func<CancellationToken, IAsyncEnumerable<T>> source)
    {
        _pumping = Task.Run(async () =>
        {
            await foreach (var item in source(_stop.Token))
            {
                lock (_all) _all.Add(item);
                _arrived.Writer.TryWrite(item);
            }
        });
    }

    /// <summary>Everything that came so far, in order.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (_all) return [.. _all];
        }
    }

    public Task<T> NextAsync() => _arrived.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Stops as the box does; the sequence must end quietly.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pumping.WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }
}

using System.Diagnostics;
using System.Runtime.CompilerServices;
using CarteValoise.Readers;

namespace CarteValoise.Benchmarks.Box;

/// <summary>
/// A card reader for the benchmark: reads the given cards in turn for a while, either as fast as
/// the box takes them or at a fixed rate. A paced read is stamped with the instant it was due, not
/// the instant the box got round to it, so a box that falls behind shows it in its latencies.
/// </summary>
public sealed class BenchReader(IReadOnlyList<string> cards, double? tapsPerSecond, TimeSpan duration) : ICardReader
{
    private readonly TaskCompletionSource<int> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "lecteur du banc d'essai";

    /// <summary>How many reads were made, once the reader has stopped reading.</summary>
    public Task<int> Finished => _finished.Task;

    public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;
        var reads = 0;
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            DateTimeOffset readAt;
            if (tapsPerSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(reads / rate);
                var wait = due - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
                readAt = startedAt + due;
            }
            else
            {
                readAt = DateTimeOffset.UtcNow;
            }
            yield return new CardRead(cards[reads % cards.Count], readAt);
            reads++;
        }
        _finished.TrySetResult(reads);
        // A reader that ends is a broken reader to the box: this one just falls silent.
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

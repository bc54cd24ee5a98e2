using System.Diagnostics;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using Microsoft.Extensions.Logging.Abstractions;

namespace CarteValoise.Benchmarks.Box;

/// <summary>
/// (d) The box alone, on its own disk, through its real reader loop: reads checked and debounced,
/// decided from a roster of a few hundred children, written to the outbox and fsynced (group
/// commit in its <see cref="BoxStore"/>), then shown by its feedback. Tap-to-feedback runs from
/// the read to the feedback call, which the box makes only once the tap is on disk.
/// Two runs: saturated (the reader reads as fast as the loop takes reads), for the rate; and paced
/// at a fixed rate, for the latency a busy box gives.
/// </summary>
public static class BoxOutboxBench
{
    private const int RosterChildren = 500;

    public sealed record Result(double TapsPerSecond, long Taps, double Seconds, double P50Ms, double P99Ms, double MaxMs, int NotRecorded);

    /// <param name="tapsPerSecond">null: as fast as the box takes them.</param>
    public static async Task<Result> RunAsync(string directory, double? tapsPerSecond, TimeSpan warmUp, TimeSpan duration)
    {
        using var store = BoxStore.Open(directory, NullLogger<BoxStore>.Instance);
        var outbox = new TapOutbox(store);
        var roster = new RosterCache(store);
        var children = Enumerable.Range(1, RosterChildren)
            .Select(i => new RosterChild($"04BE{i:X10}", $"enfant-{i}", $"Enfant{i}", CanteenToday: true, AllergyPlan: i % 25 == 0, Blocked: false))
            .ToList();
        await roster.ApplyAsync(new RosterUpdate(1, Full: true, children, [], "École du banc d'essai", ParisDay.Of(DateTimeOffset.UtcNow)));
        var cards = children.Select(c => c.CardUid).ToList();
        var recorder = new TapRecorder(store, outbox);

        // A first run compiles the path and grows the file before the clock counts.
        await RunLoopAsync(recorder, cards, tapsPerSecond, warmUp);
        var started = Stopwatch.GetTimestamp();
        var (taps, feedback) = await RunLoopAsync(recorder, cards, tapsPerSecond, duration);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = feedback.Latencies;
        return new Result(taps / seconds, taps, seconds, latencies.Percentile(50), latencies.Percentile(99), latencies.Percentile(100), feedback.NotRecorded);
    }

    private static async Task<(int Taps, TimedFeedback Feedback)> RunLoopAsync(TapRecorder recorder, IReadOnlyList<string> cards, double? tapsPerSecond, TimeSpan duration)
    {
        var reader = new BenchReader(cards, tapsPerSecond, duration);
        var feedback = new TimedFeedback();
        using var loop = new ReaderLoop(
            // Every read a tap of its own: the benchmark's cards come round again within seconds.
            new BoxOptions { Id = "box-bench", DebounceSeconds = 0 },
            reader, recorder, feedback, new BoxOutput(TextWriter.Null), new ReaderHealth(), TimeProvider.System, NullLogger<ReaderLoop>.Instance);
        await loop.StartAsync(CancellationToken.None);
        var taps = await reader.Finished;
        await feedback.AllShownAsync(taps).WaitAsync(TimeSpan.FromSeconds(60));
        await loop.StopAsync(CancellationToken.None);
        return (taps, feedback);
    }
}

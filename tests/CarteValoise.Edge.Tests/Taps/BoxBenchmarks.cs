using System.Globalization;
using System.Runtime.CompilerServices;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Simulation;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers;
using CarteValoise.Readers.Taps;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Taps;

/// <summary>
/// The box's own figures, printed for the benchmark report, not asserted against a clock: how many
/// taps per second its outbox takes with every tap flushed to disk before its feedback, and how long
/// a child waits from the read to the feedback line. Runs the box's real loop (reader, debounce,
/// decision, outbox on a real disk, console line) with a reader that reads as fast as asked.
/// Figures: `dotnet test tests/CarteValoise.Edge.Tests --filter BoxBenchmarks --logger "console;verbosity=detailed"`.
/// </summary>
[Collection(MeasuredAlone.Name)]
public class BoxBenchmarks(ITestOutputHelper output) : IDisposable
{
    private const int Children = 4_000;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Outbox_rate_with_flushing_and_tap_to_feedback_latency()
    {
        var flat = await RunAsync(tapsPerSecond: null, taps: 20_000);
        var paced = await RunAsync(tapsPerSecond: 2_000, taps: 10_000);

        Assert.Equal(20_000, flat.Taps);
        Assert.Equal(10_000, paced.Taps);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH box_outbox taps={flat.Taps} taps_per_s={flat.TapsPerSecond:0} feedback_p50_ms={flat.P50:0.0} feedback_p99_ms={flat.P99:0.0} (au plus vite, chaque passage sur disque avant son retour)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH box_feedback taps={paced.Taps} target_taps_per_s=2000 taps_per_s={paced.TapsPerSecond:0} feedback_p50_ms={paced.P50:0.0} feedback_p99_ms={paced.P99:0.0} (de la lecture à la ligne du retour)"));
    }

    private sealed record Figures(int Taps, double TapsPerSecond, double P50, double P99);

    private async Task<Figures> RunAsync(double? tapsPerSecond, int taps)
    {
        var directory = Path.Combine(_directory.Path, tapsPerSecond is null ? "flat" : "paced");
        using var store = BoxStore.Open(directory, new ListLogger<BoxStore>());
        var outbox = new TapOutbox(store);
        var roster = new RosterCache(store);
        var cards = Enumerable.Range(0, Children).Select(i => $"04{i:X6}").ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await roster.ApplyAsync(new RosterUpdate(1, true,
            cards.Select((uid, i) => new RosterChild(uid, $"c{i}", $"Enfant {i}", CanteenToday: true, AllergyPlan: i % 20 == 0, Blocked: false)).ToList(),
            [], "École du banc d'essai", today));

        var probe = new LatencyProbe(taps);
        using var feedback = new FeedbackFan([new ConsoleFeedback(TextWriter.Null), probe], new ListLogger<FeedbackFan>());
        var loop = new ReaderLoop(
            new BoxOptions { Id = "box-bench", DebounceSeconds = 0 },
            new PacedReader(cards, taps, tapsPerSecond),
            new TapRecorder(store, outbox),
            feedback,
            new BoxOutput(TextWriter.Null),
            new ReaderHealth(),
            TimeProvider.System,
            new ListLogger<ReaderLoop>());

        var start = TimeProvider.System.GetTimestamp();
        await loop.StartAsync(CancellationToken.None);
        await probe.AllShown.WaitAsync(TimeSpan.FromSeconds(90));
        var seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(taps, (await outbox.StateAsync()).Depth);
        var latencies = probe.LatenciesMs.Order().ToList();
        return new Figures(latencies.Count, taps / seconds, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99));
    }

    /// <summary>Stands where the LEDs would: notes how long after its read each tap got its feedback.</summary>
    private sealed class LatencyProbe(int expected) : IFeedback
    {
        private readonly Lock _gate = new();
        private readonly List<double> _latencies = new(expected);
        private readonly TaskCompletionSource _allShown = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task AllShown => _allShown.Task;

        public IReadOnlyList<double> LatenciesMs
        {
            get { lock (_gate) return _latencies.ToList(); }
        }

        public void Show(RecordedTap tap)
        {
            var latency = (TimeProvider.System.GetUtcNow() - tap.ReadAt).TotalMilliseconds;
            lock (_gate)
            {
                _latencies.Add(latency);
                if (_latencies.Count == expected) _allShown.TrySetResult();
            }
        }

        public void ShowNotRecorded(CardTap tap) => _allShown.TrySetException(new InvalidOperationException($"passage non enregistré : {tap.CardUid}"));
    }

    /// <summary>A reader that reads <paramref name="count"/> cards, each read stamped when it is made: at a steady rate, or as fast as the box takes them.</summary>
    private sealed class PacedReader(string[] cards, int count, double? tapsPerSecond) : ICardReader
    {
        public string Name => "lecteur du banc d'essai";

        public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var time = TimeProvider.System;
            var start = time.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                if (tapsPerSecond is { } rate)
                {
                    var due = TimeSpan.FromSeconds(i / rate) - time.GetElapsedTime(start);
                    if (due > TimeSpan.FromMilliseconds(1)) await Task.Delay(due, time, cancellationToken);
                }
                yield return new CardRead(cards[i % cards.Length], time.GetUtcNow());
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}

using System.Globalization;
using CarteValoise.Edge.Common;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Simulation;

/// <summary>
/// The load simulator: N virtual boxes in one process, each with its own outbox (its own data
/// directory) and its own Sync stream, tapping R taps/s in total for D seconds against a cloud;
/// then it stops tapping, waits (bounded) for every tap to be acknowledged, and reports.
/// </summary>
public sealed class Simulator(SimulateOptions options, TimeProvider time, ILoggerFactory loggers, TextWriter progress)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public sealed record Result(SimulationReport Report, long NeverAcknowledged);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var root = options.Root ?? Path.Combine(Path.GetTempPath(), "cartevaloise-simulate-" + Guid.NewGuid().ToString("N"));
        var acknowledged = new Signal();
        var boxes = new List<VirtualBox>();
        try
        {
            for (var i = 1; i <= options.Boxes; i++)
            {
                var id = $"{options.BoxPrefix}-{i}";
                boxes.Add(new VirtualBox(id, options, Path.Combine(root, id), acknowledged, time, loggers));
            }
            await Task.WhenAll(boxes.Select(b => b.StartAsync()));
            var cards = await CardsToTapAsync(boxes, cancellationToken);

            Say($"simulate : {options.Boxes} boxes, {options.TapsPerSecond.ToString(CultureInfo.InvariantCulture)} passages/s au total pendant {options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s vers {options.Cloud}.");
            var start = time.GetTimestamp();
            using var stop = new CancellationTokenSource(options.Duration, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
            using var reporting = new CancellationTokenSource();
            var reporter = ReportProgressAsync(boxes, start, reporting.Token);
            var perBox = options.TapsPerSecond / options.Boxes;
            await Task.WhenAll(boxes.Select((box, i) => box.TapAsync(cards[i].Cards, cards[i].Known, perBox, linked.Token)));

            await WaitForAcksAsync(boxes, acknowledged, cancellationToken);
            await reporting.CancelAsync();
            await reporter;
            return Summarise(boxes, start);
        }
        finally
        {
            foreach (var box in boxes) await box.DisposeAsync();
            if (options.Root is null) TryDelete(root);
        }
    }

    // Cards from the roster the cloud sends each box; a box that got none in time taps made-up
    // cards (the cloud records them as unknown cards), and says so.
    private async Task<(IReadOnlyList<string> Cards, bool Known)[]> CardsToTapAsync(List<VirtualBox> boxes, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp();
        while (boxes.Any(b => b.Roster.CardUids.Count == 0) && time.GetElapsedTime(deadline) < options.RosterTimeout)
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        var cards = new (IReadOnlyList<string>, bool)[boxes.Count];
        for (var i = 0; i < boxes.Count; i++)
        {
            var known = boxes[i].Roster.CardUids;
            if (known.Count > 0)
            {
                cards[i] = (known, true);
                continue;
            }
            Say($"simulate : {boxes[i].Id} n'a pas reçu de liste d'enfants en {options.RosterTimeout.TotalSeconds} s ; elle passe des cartes inconnues.");
            cards[i] = (Enumerable.Range(0, 64).Select(n => string.Create(CultureInfo.InvariantCulture, $"04{i % 0x10000:X4}{n:X2}")).ToArray(), false);
        }
        return cards;
    }

    private async Task WaitForAcksAsync(List<VirtualBox> boxes, Signal acknowledged, CancellationToken cancellationToken)
    {
        var drainStart = time.GetTimestamp();
        while (true)
        {
            var next = acknowledged.Next;
            if (boxes.All(b => b.AllAcknowledged)) return;
            var left = options.DrainTimeout - time.GetElapsedTime(drainStart);
            if (left <= TimeSpan.Zero) return;
            try
            {
                await next.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    private async Task ReportProgressAsync(List<VirtualBox> boxes, long start, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProgressEvery, time, stop);
                var written = boxes.Sum(b => b.Written);
                var acked = boxes.Sum(b => b.Acknowledged);
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"simulate : {time.GetElapsedTime(start).TotalSeconds:0} s, {written} passages écrits, {acked} acquittés, {written - acked} en attente."));
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private Result Summarise(List<VirtualBox> boxes, long start)
    {
        var taps = boxes.Sum(b => b.Written);
        var acked = boxes.Sum(b => b.Acknowledged);
        var lastAck = boxes.Max(b => b.LastAckTimestamp);
        var seconds = lastAck == 0 ? 0 : time.GetElapsedTime(start, lastAck).TotalSeconds;
        var latencies = boxes.SelectMany(b => b.LatenciesMs).Order().ToList();
        var report = new SimulationReport(
            options.Boxes, options.TapsPerSecond, options.Duration.TotalSeconds, taps, acked,
            seconds > 0 ? acked / seconds : 0,
            Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99),
            boxes.Max(b => b.OutboxHighWater));
        return new Result(report, taps - acked);
    }

    private void Say(string line)
    {
        lock (progress) progress.WriteLine(line);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory; the system cleans it eventually.
        }
    }
}

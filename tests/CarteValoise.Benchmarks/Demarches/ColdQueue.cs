using System.Diagnostics;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// The queue's cold start without a restart: Orleans' activation collector is asked to deactivate
/// every idle grain (the queue and its shards among them), then the first question pays for reading
/// every line again. Asked of the grain, then of DemarcheDesk after another collection. The count
/// of queue activations before and after says whether the collection really deactivated it.
/// </summary>
public sealed class ColdQueue(IGrainFactory grains, DeskCalls desk, Figures figures)
{
    private static readonly QueueFilter FirstPage = new(null, null, null, null, null, false, null, false, 0, QueueQuestions.PageSize);

    public async Task RunAsync(int rounds)
    {
        var byGrain = new Latencies();
        var queue = grains.GetGrain<IRequestQueueGrain>(DemarchesSeeding.Commune);
        var counts = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            counts.Add(await CollectAsync());
            var started = Stopwatch.GetTimestamp();
            await queue.Query(FirstPage, DateTimeOffset.UtcNow);
            byGrain.Add(Stopwatch.GetElapsedTime(started));
        }
        Console.WriteLine($"  queue activations before → after each collection: {string.Join(", ", counts)}");
        figures.Add(new Figure("demarches_cold_grain_p50_ms", "(démarches) first queue page after the queue grain's deactivation: grain p50", byGrain.Percentile(50), "ms",
            "", $"{rounds} rounds, activations before → after: {string.Join(", ", counts)}"));
        figures.Add(new Figure("demarches_cold_grain_max_ms", "(démarches) first queue page after deactivation: grain max", byGrain.Percentile(100), "ms"));

        var collected = await CollectAsync();
        var request = new ListRequestsRequest { CommuneInseeCode = DemarchesSeeding.Commune, Page = 1, PageSize = QueueQuestions.PageSize };
        var (page, took) = await desk.TimeAsync((headers, deadline) => desk.Desk.ListRequestsAsync(request, headers, deadline));
        figures.Add(new Figure("demarches_cold_desk_ms", "(démarches) first queue page after deactivation: DemarcheDesk", took.TotalMilliseconds, "ms",
            "", $"{page.Total:#,0} lines, activations {collected}"));
    }

    /// <summary>Deactivates every idle grain; «queue activations before → after».</summary>
    private async Task<string> CollectAsync()
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var before = await QueueActivationsAsync(management);
        await management.ForceActivationCollection(TimeSpan.Zero);
        return $"{before} → {await QueueActivationsAsync(management)}";
    }

    /// <summary>Activations of the queue grain's type (its shards are another type, whose name ends in «Shard…»).</summary>
    private static async Task<int> QueueActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("RequestQueue", StringComparison.OrdinalIgnoreCase) && !s.GrainType.Contains("Shard", StringComparison.OrdinalIgnoreCase))
            .Sum(s => s.ActivationCount);
}

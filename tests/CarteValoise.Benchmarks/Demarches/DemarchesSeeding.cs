using System.Diagnostics;
using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// Fills the large commune with its requests: the commune and its agent, its catalogue (the
/// built-ins, seeded at its first read), months of history written as queue lines (a reference
/// from Allocate, then the line through Track, with dates of their own: the request grains take
/// their dates from the silo's clock), and a share filed today through the request grains.
/// </summary>
public sealed class DemarchesSeeding(IGrainFactory grains, CanteenSilo silo, DemarchesBenchOptions options, Figures figures)
{
    public const string Commune = LargeCommune.InseeCode;

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public RequestHistory History { get; private set; } = null!;

    /// <summary>The history's requests, oldest first, and their references.</summary>
    public IReadOnlyList<RequestHistory.Planned> Planned { get; private set; } = [];

    public IReadOnlyList<string> References { get; private set; } = [];

    public async Task CommuneAsync()
    {
        await grains.GetGrain<ICommuneGrain>(Commune).Configure(new CommuneProfile(Commune, LargeCommune.Name, [new TariffBracketRecord(900, 230)], 470));
        await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).RegisterCommune(Commune, LargeCommune.Name);
        await LargeCommune.CreateAgentAsync(grains);
    }

    /// <summary>The commune's offered démarches, read as the cloud reads them: the current version's file.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CatalogueAsync()
    {
        var catalogue = grains.GetGrain<ICommuneDemarchesGrain>(Commune);
        var started = Stopwatch.GetTimestamp();
        var entries = await catalogue.List();
        var took = Stopwatch.GetElapsedTime(started);
        var definitions = new List<DemarcheDefinition>();
        var versions = new Dictionary<string, int>();
        foreach (var entry in entries.Where(e => e.Enabled))
        {
            var version = await catalogue.Get(entry.DemarcheId, null)
                ?? throw new InvalidOperationException($"The catalogue lists {entry.DemarcheId} but has no version of it.");
            definitions.Add(DefinitionFile.Parse(version.Json));
            versions[entry.DemarcheId] = version.Version;
        }
        figures.Add(new Figure("demarches_catalogue_first_read_ms", "(démarches) the commune's catalogue, first read (built-ins seeded)", took.TotalMilliseconds, "ms", "",
            $"{definitions.Count} démarches offered: {string.Join(", ", definitions.Select(d => d.Id))}"));
        History = new RequestHistory(definitions);
        return versions;
    }

    public async Task HistoryAsync(int count)
    {
        var queue = grains.GetGrain<IRequestQueueGrain>(Commune);
        var now = DateTimeOffset.UtcNow;
        Planned = History.Plan(count, options.Months, now);
        Console.WriteLine($"  planned: {Share(p => p.DecidedAt is not null)} decided, {Share(p => p.DecidedAt is null && p.DueAt < now)} overdue, " +
            $"{Share(p => p.Agent is not null)} assigned; {Share(p => p.Channel == RequestChannel.Online)} online, " +
            $"{Share(p => p.Channel == RequestChannel.Kiosk)} kiosk, {Share(p => p.Channel == RequestChannel.Counter)} counter");
        var references = new string[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism };
        // A twentieth at a time, for progress and to see whether the rate holds as the commune grows.
        var chunkSize = Math.Max(500, count / 20);

        var before = silo.Counters();
        var started = Stopwatch.GetTimestamp();
        // Oldest first, a chunk at a time: the numbers of a year follow the filing dates but for the calls in flight.
        for (var from = 0; from < count; from += chunkSize)
        {
            var chunk = Stopwatch.GetTimestamp();
            var size = Math.Min(chunkSize, count - from);
            await Parallel.ForEachAsync(Enumerable.Range(from, size), parallel,
                async (i, _) => references[i] = await queue.Allocate($"banc-{_runId}-h{i}", Planned[i].Year));
            Console.WriteLine($"  references {from + size,7:#,0} of {count:#,0} in {Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s ({size / Stopwatch.GetElapsedTime(chunk).TotalSeconds,6:0} /s for these)");
        }
        var allocating = Stopwatch.GetElapsedTime(started);
        var spent = silo.Counters().Since(before);
        figures.Add(new Figure("demarches_allocate_per_s", "(démarches) references given (IRequestQueueGrain.Allocate)", count / allocating.TotalSeconds, "references/s",
            "", $"{count:#,0} in {allocating.TotalSeconds:0.0} s, silo CPU {spent.Cpu.TotalSeconds:0} s, {SiloScenario.Megabytes(spent.WrittenBytes):0} MB written"));
        References = references;

        before = silo.Counters();
        started = Stopwatch.GetTimestamp();
        for (var from = 0; from < count; from += chunkSize)
        {
            var chunk = Stopwatch.GetTimestamp();
            var size = Math.Min(chunkSize, count - from);
            await Parallel.ForEachAsync(Enumerable.Range(from, size), parallel,
                async (i, _) => await queue.Track(Planned[i].Summary(references[i])));
            Console.WriteLine($"  lines {from + size,7:#,0} of {count:#,0} in {Stopwatch.GetElapsedTime(started).TotalSeconds,6:0.0} s ({size / Stopwatch.GetElapsedTime(chunk).TotalSeconds,6:0} /s for these)");
        }
        var tracking = Stopwatch.GetElapsedTime(started);
        spent = silo.Counters().Since(before);
        figures.Add(new Figure("demarches_track_per_s", "(démarches) history lines written (IRequestQueueGrain.Track, durable in shards)", count / tracking.TotalSeconds, "lines/s",
            "", $"{count:#,0} in {tracking.TotalSeconds:0.0} s, silo CPU {spent.Cpu.TotalSeconds:0} s, {SiloScenario.Megabytes(spent.WrittenBytes):0} MB written"));
        figures.Add(new Figure("demarches_history_seed_per_s", "(démarches) history seeded, Allocate + Track", count / (allocating + tracking).TotalSeconds, "requests/s",
            "", $"{count:#,0} requests over {options.Months} months in {(allocating + tracking).TotalSeconds:0.0} s"));
    }

    public async Task FiledTodayAsync(IReadOnlyDictionary<string, int> versions, int count)
    {
        var filing = new FiledToday(History, versions, _runId);
        var before = silo.Counters();
        var started = Stopwatch.GetTimestamp();
        await filing.FileAsync(grains, Commune, count, options.Parallelism);
        var took = Stopwatch.GetElapsedTime(started);
        var spent = silo.Counters().Since(before);
        figures.Add(new Figure("demarches_submit_per_s", "(démarches) requests filed today through the grains (Allocate, Submit, Assign, Move…)", count / took.TotalSeconds, "requests/s",
            "", $"{count:#,0} in {took.TotalSeconds:0.0} s, {filing.Calls:#,0} grain calls ({filing.Calls / took.TotalSeconds:0} calls/s), silo CPU {spent.Cpu.TotalSeconds:0} s, {SiloScenario.Megabytes(spent.WrittenBytes):0} MB written"));
    }

    private string Share(Func<RequestHistory.Planned, bool> which) =>
        Planned.Count == 0 ? "0 %" : $"{100.0 * Planned.Count(which) / Planned.Count:0} %";
}

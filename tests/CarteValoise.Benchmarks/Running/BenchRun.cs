using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CarteValoise.Benchmarks.Box;
using CarteValoise.Benchmarks.EndToEnd;
using CarteValoise.Benchmarks.Network;
using CarteValoise.Benchmarks.Processes;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Benchmarks.Storage;
using CarteValoise.Edge.Configuration;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Benchmarks.Running;

/// <summary>
/// One run, in an order that keeps the parts from disturbing each other: the ceilings first
/// (storage, network), then the box alone, then the runs against the silo, each on a fresh silo
/// of its own. A part that fails is reported and the others still run; every child process is
/// killed at the end, and on SIGINT/SIGTERM.
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    private const string SaturationPrefix = "bench-sat";
    private const string LatencyPrefix = "bench-lat";
    private const string DrainBoxId = "bench-drain";

    private readonly Figures _figures = new();
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private bool _allRan = true;
    private int _silos;

    public async Task<bool> RunAsync()
    {
        Directory.CreateDirectory(options.WorkDirectory);
        var loadAtStart = MachineLoad.Average();
        Console.WriteLine($"CarteValoise benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {loadAtStart}");
        Console.WriteLine($"work directory {options.WorkDirectory} (the silo's data directory is inside it); child logs in {options.LogDirectory}");
        try
        {
            if (Wants('c')) await PartAsync("(c) storage ceiling: LiteDB inserts, fsync per transaction", StorageCeiling);
            if (Wants('b')) await PartAsync("(b) network ceiling: gRPC EdgeSync echo over HTTP/2 on loopback", NetworkCeilingAsync);
            if (Wants('d')) await PartAsync("(d) the box: taps decided, written to the fsynced outbox, feedback", BoxOutboxAsync);
            string? backlog = null;
            if (Wants('e')) await PartAsync($"(e) backlog of {options.Backlog:#,0} taps: write, then drain to an ack-only cloud", async () => backlog = await BacklogAgainstAckOnlyAsync());
            if (Wants('a') || (Wants('e') && backlog is not null)) await WithSiloAsync(backlog);
        }
        finally
        {
            ChildProcesses.KillAll();
            CleanUp(options);
        }
        Summarise();
        // Everything here shares the cores with whatever else runs: say how busy the machine was.
        _figures.Note($"load average (1, 5, 15 min) at start {loadAtStart}, at end {MachineLoad.Average()}, on {Environment.ProcessorCount} cores");
        _figures.Print(Console.Out);
        return _allRan;
    }

    private bool Wants(char part) => options.Parts.Contains(part);

    private async Task PartAsync(string title, Func<Task> part)
    {
        Console.WriteLine($"== {title}");
        try
        {
            await part();
        }
        catch (Exception ex)
        {
            _allRan = false;
            _figures.Note($"not measured: {title}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private Task PartAsync(string title, Action part) => PartAsync(title, () =>
    {
        part();
        return Task.CompletedTask;
    });

    private void StorageCeiling()
    {
        var directory = Path.Combine(options.WorkDirectory, "litedb-ceiling");
        var best = double.NaN;
        foreach (var group in options.StorageGroups)
        {
            var result = LiteDbCeiling.Run(directory, group, TimeSpan.FromSeconds(options.StorageSeconds));
            _figures.Add(new Figure($"c_inserts_per_s_group_{group}", $"(c) LiteDB inserts/s, {group} per fsynced transaction", result.InsertsPerSecond, "inserts/s",
                "20–30 k expected", $"{result.Groups:#,0} transactions, {result.DocumentBytes} B documents"));
            best = double.IsNaN(best) ? result.InsertsPerSecond : Math.Max(best, result.InsertsPerSecond);
        }
        _figures.Add(new Figure("c_storage_ceiling_inserts_per_s", "(c) storage ceiling (best group size)", best, "inserts/s", "20–30 k expected"));
    }

    private async Task NetworkCeilingAsync()
    {
        await using var cloud = await AckOnlyCloud.StartAsync();
        var result = await EchoCeiling.RunAsync(cloud.Address, options.EchoStreams, options.EchoConnections, options.BatchSize, options.EchoWindow,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(options.EchoSeconds));
        _figures.Add(new Figure("b_network_ceiling_taps_per_s", $"(b) network ceiling, batches of {options.BatchSize} over {options.EchoStreams} streams",
            result.TapsPerSecond, "taps/s", "~1.7 M expected", $"{result.Taps / options.BatchSize:#,0} batches acked in {result.Seconds:0.0} s"));
    }

    private async Task BoxOutboxAsync()
    {
        var warmUp = TimeSpan.FromSeconds(1);
        var saturated = await BoxOutboxBench.RunAsync(Path.Combine(options.WorkDirectory, "box-saturated"), null, warmUp, TimeSpan.FromSeconds(options.BoxSeconds));
        _figures.Add(new Figure("d_outbox_taps_per_s", "(d) box outbox, flushed taps/s (saturated)", saturated.TapsPerSecond, "taps/s", ">= 2,000",
            $"{saturated.Taps:#,0} taps through the reader loop{NotRecorded(saturated)}"));
        _figures.Add(new Figure("d_saturated_p99_feedback_ms", "(d) tap-to-feedback p99, saturated", saturated.P99Ms, "ms", "",
            $"p50 {saturated.P50Ms:0.0} ms, max {saturated.MaxMs:0.0} ms"));

        var paced = await BoxOutboxBench.RunAsync(Path.Combine(options.WorkDirectory, "box-paced"), options.BoxRate, warmUp, TimeSpan.FromSeconds(options.BoxSeconds));
        _figures.Add(new Figure("d_paced_p50_feedback_ms", $"(d) tap-to-feedback p50 at {options.BoxRate:#,0} taps/s", paced.P50Ms, "ms"));
        _figures.Add(new Figure("d_paced_p99_feedback_ms", $"(d) tap-to-feedback p99 at {options.BoxRate:#,0} taps/s", paced.P99Ms, "ms", "< 100 ms",
            $"{paced.Taps:#,0} taps, max {paced.MaxMs:0.0} ms{NotRecorded(paced)}"));

        static string NotRecorded(BoxOutboxBench.Result result) => result.NotRecorded > 0 ? $", {result.NotRecorded} NOT RECORDED" : "";
    }

    /// <summary>Writes the backlog once, drains a copy to the ack-only cloud, and returns the folder of the original.</summary>
    private async Task<string> BacklogAgainstAckOnlyAsync()
    {
        var original = Path.Combine(options.WorkDirectory, "backlog");
        var written = await Backlog.WriteAsync(original, options.DrainSchool, options.Backlog);
        _figures.Add(new Figure("e_backlog_write_taps_per_s", "(e) backlog written through the outbox", written.TapsPerSecond, "taps/s", "",
            $"{written.Taps:#,0} taps in {written.Seconds:0.0} s, groups of up to 512"));

        await using var cloud = await AckOnlyCloud.StartAsync();
        var copy = Path.Combine(options.WorkDirectory, "backlog-ack-only");
        Backlog.Copy(original, copy);
        var drained = await BacklogDrain.RunAsync(copy, DrainBox(cloud.Address), TimeSpan.FromSeconds(options.DrainTimeoutSeconds), Logs);
        _figures.Add(new Figure("e_drain_ack_only_taps_per_s", "(e) drain to an ack-only cloud (the box's own ceiling)", drained.TapsPerSecond, "taps/s", "",
            Drained(drained)));
        return original;
    }

    /// <summary>
    /// Each run against the silo gets a silo of its own, fresh from the demo data: a child's grain
    /// keeps its taps, so a run on children that earlier runs filled would measure their history too.
    /// </summary>
    private async Task WithSiloAsync(string? backlog)
    {
        if (Wants('a'))
        {
            await OnFreshSiloAsync($"(a) latency: {options.LatencyBoxes} simulated boxes at {options.LatencyRate:#,0} taps/s, {options.LatencySeconds:0} s",
                silo => SimulateAsync(silo, new LoadSimulator.Run("simulate-latency", options.LatencyBoxes, options.LatencyRate, options.LatencySeconds, LatencyPrefix, options.Schools[0]), saturation: false));
            await OnFreshSiloAsync($"(a) saturation: {options.Boxes} simulated boxes, target {options.SaturationRate:#,0} taps/s, {options.SaturationSeconds:0} s",
                silo => SimulateAsync(silo, new LoadSimulator.Run("simulate-saturation", options.Boxes, options.SaturationRate, options.SaturationSeconds, SaturationPrefix, options.Schools[0]), saturation: true));
        }
        if (Wants('e') && backlog is not null)
        {
            await OnFreshSiloAsync($"(e) drain of the {options.Backlog:#,0}-tap backlog to the real silo", async silo =>
            {
                var copy = Path.Combine(options.WorkDirectory, "backlog-silo");
                Backlog.Copy(backlog, copy);
                var (siloBefore, boxBefore) = (silo.Counters(), ProcessCounters.OfThisProcess());
                var drained = await BacklogDrain.RunAsync(copy, DrainBox(silo.AddressText), TimeSpan.FromSeconds(options.DrainTimeoutSeconds), Logs);
                var (siloSpent, boxSpent) = (silo.Counters().Since(siloBefore), ProcessCounters.OfThisProcess().Since(boxBefore));
                _figures.Add(new Figure("e_drain_taps_per_s", "(e) backlog drain to the real silo", drained.TapsPerSecond, "taps/s", ">= 5,000", Drained(drained)));
                WhereTheTimeGoes("e_drain", "(e) drain", siloSpent, boxSpent, "box", drained.Acknowledged, TimeSpan.FromSeconds(drained.Seconds));
                if (!drained.Complete) _figures.Note($"(e) the silo acknowledged {drained.Acknowledged:#,0} of {drained.Backlog:#,0} taps within {options.DrainTimeoutSeconds:0} s; the rate is over that time.");
            });
        }
    }

    private async Task OnFreshSiloAsync(string title, Func<CloudSilo, Task> run)
    {
        _silos++;
        await PartAsync(title, async () =>
        {
            var boxes = new List<BenchBox>();
            boxes.AddRange(Enumerable.Range(1, options.LatencyBoxes).Select(i => new BenchBox($"{LatencyPrefix}-{i}", options.Schools[(i - 1) % options.Schools.Count])));
            boxes.AddRange(Enumerable.Range(1, options.Boxes).Select(i => new BenchBox($"{SaturationPrefix}-{i}", options.Schools[(i - 1) % options.Schools.Count])));
            boxes.Add(new BenchBox(DrainBoxId, options.DrainSchool));
            var started = Stopwatch.GetTimestamp();
            using var silo = await CloudSilo.StartAsync(options.CloudDll, Path.Combine(options.WorkDirectory, $"cloud-{_silos}"), boxes, _secret,
                $"cloud-{_silos}", options.LogDirectory, TimeSpan.FromSeconds(options.CloudStartSeconds));
            Console.WriteLine($"  fresh silo ready at {silo.AddressText} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            try
            {
                await run(silo);
            }
            finally
            {
                if (silo.HasEnded) _figures.Note($"the silo ended during \"{title}\":\n{silo.Tail()}");
            }
        });
    }

    private async Task SimulateAsync(CloudSilo silo, LoadSimulator.Run run, bool saturation)
    {
        var siloBefore = silo.Counters();
        var started = Stopwatch.GetTimestamp();
        var (result, simulatorSpent) = await LoadSimulator.RunAsync(options.EdgeDll, silo, run, _secret, options.WorkDirectory, options.LogDirectory);
        var wall = Stopwatch.GetElapsedTime(started);
        var siloSpent = silo.Counters().Since(siloBefore);
        Console.WriteLine($"  {result.Line}");
        var acknowledged = result.Number("acknowledged");
        var detail = $"{acknowledged:#,0} of {result.Number("taps"):#,0} taps acknowledged, outbox high water {result.Number("outbox_high_water"):#,0}";
        var key = saturation ? "a_saturated" : "a_latency";
        if (saturation)
        {
            _figures.Add(new Figure("a_sustained_taps_per_s", $"(a) end-to-end durable taps/s, {run.Boxes} boxes, saturated", result.Number("sustained_taps_per_s"), "taps/s",
                HalfOfStorageTarget(), detail));
            _figures.Add(new Figure("a_saturated_p99_ms", "(a) tap-to-durable p99, saturated", result.Number("p99_ms"), "ms", "", $"p50 {result.Number("p50_ms"):0} ms"));
        }
        else
        {
            _figures.Add(new Figure("a_latency_run_taps_per_s", $"(a) end-to-end durable taps/s at {run.TapsPerSecond:#,0} target", result.Number("sustained_taps_per_s"), "taps/s", "", detail));
            _figures.Add(new Figure("a_p50_ms_at_target", $"(a) tap-to-durable p50 at {run.TapsPerSecond:#,0} taps/s", result.Number("p50_ms"), "ms"));
            _figures.Add(new Figure("a_p99_ms_at_target", $"(a) tap-to-durable p99 at {run.TapsPerSecond:#,0} taps/s", result.Number("p99_ms"), "ms", "< 500 ms"));
        }
        WhereTheTimeGoes(key, saturation ? "(a) saturated" : "(a) latency run", siloSpent, simulatorSpent, "simulator", acknowledged, wall);
    }

    /// <summary>CPU per tap on each side and the silo's bytes written per tap: what the 2 cores and the disk were spent on.</summary>
    private void WhereTheTimeGoes(string key, string run, ProcessCounters silo, ProcessCounters boxes, string boxSide, double taps, TimeSpan wall)
    {
        if (!(taps > 0)) return;
        _figures.Add(new Figure($"{key}_silo_cpu_ms_per_tap", $"{run}: silo CPU per tap", silo.Cpu.TotalMilliseconds / taps, "ms", "",
            $"{silo.Cpu.TotalSeconds / wall.TotalSeconds:0.00} of {Environment.ProcessorCount} cores over {wall.TotalSeconds:0} s"));
        _figures.Add(new Figure($"{key}_silo_bytes_written_per_tap", $"{run}: silo bytes written to disk per tap", silo.WrittenBytes / taps, "B", "",
            $"{silo.WriteCalls / taps:0.00} write calls per tap"));
        _figures.Add(new Figure($"{key}_{boxSide}_cpu_ms_per_tap", $"{run}: {boxSide} CPU per tap", boxes.Cpu.TotalMilliseconds / taps, "ms", "",
            $"{boxes.Cpu.TotalSeconds / wall.TotalSeconds:0.00} cores"));
    }

    private string HalfOfStorageTarget()
    {
        var storage = _figures.Value("c_storage_ceiling_inserts_per_s");
        return double.IsNaN(storage) ? ">= 10,000 and >= half of (c)" : $">= 10,000 and >= {storage / 2:#,0} (half of (c))";
    }

    /// <summary>(a) over the lower ceiling: how much of what the machine allows the platform delivers.</summary>
    private void Summarise()
    {
        var endToEnd = _figures.Value("a_sustained_taps_per_s");
        var network = _figures.Value("b_network_ceiling_taps_per_s");
        var storage = _figures.Value("c_storage_ceiling_inserts_per_s");
        var ceilings = new[] { network, storage }.Where(v => !double.IsNaN(v)).ToList();
        if (double.IsNaN(endToEnd) || ceilings.Count == 0) return;
        var lower = ceilings.Min();
        var which = lower == storage ? "(c) storage" : "(b) network";
        _figures.Add(new Figure("ratio_a_over_lower_ceiling", $"(a) / lower ceiling {which}", endToEnd / lower, "", which == "(c) storage" ? ">= 0.5" : ""));
    }

    private BoxOptions DrainBox(string cloudAddress) => new()
    {
        Id = DrainBoxId,
        Secret = _secret,
        CloudAddress = cloudAddress,
        SchoolId = options.DrainSchool,
    };

    private static string Drained(BacklogDrain.Result drained) =>
        $"{drained.Acknowledged:#,0} of {drained.Backlog:#,0} acknowledged in {drained.Seconds:0.0} s{(drained.Complete ? "" : ", INCOMPLETE")}";

    private static readonly ILoggerFactory Logs = LoggerFactory.Create(logging => logging
        .AddSimpleConsole(console => console.SingleLine = true)
        .SetMinimumLevel(LogLevel.Warning));

    /// <summary>Deletes the run's temporary files unless asked to keep them; the children must be gone.</summary>
    public static void CleanUp(BenchOptions options)
    {
        // The end of the run and a signal may both get here.
        lock (CleanUpGate)
        {
            if (options.Keep || !Directory.Exists(options.WorkDirectory)) return;
            try
            {
                Directory.Delete(options.WorkDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"  note: could not delete {options.WorkDirectory}: {ex.Message}");
            }
        }
    }

    private static readonly Lock CleanUpGate = new();
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using CarteValoise.Benchmarks.EndToEnd;
using CarteValoise.Benchmarks.Processes;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// The cluster benchmark (issue 5): the reader-box benchmark's end-to-end part (a) — simulated
/// boxes (`CarteValoise.Edge simulate`) tapping through the real silos until the taps are durable —
/// on the embedded default, on one silo on PostgreSQL and on a cluster of silos on PostgreSQL on
/// this machine, side by side; then where the time went: CPU of the silos, of PostgreSQL and of
/// the simulators, and PostgreSQL's own figures per tap. Each run gets a fresh cloud (a tap on a
/// child with a long history costs more). On a cluster one simulator per silo starts its boxes on
/// that silo, as a load balancer would spread them; a box given the list alone starts on the first.
/// Figures are printed, nothing is asserted.
/// </summary>
public sealed class ClusterBench(ClusterBenchOptions options)
{
    private sealed record RunKind(string Key, string Title, int Boxes, double Rate, double Seconds);

    private readonly BenchOptions _common = options.Common;
    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly ClusterTable _table = new(options.Setups, Rows(options.Common));
    private bool _allRan = true;

    // The silos first (they hold connections), then PostgreSQL, then the files.
    public static Task<int> MainAsync(string[] args) => ScenarioEntry.RunAsync(args, ClusterBenchOptions.Usage, ClusterBenchOptions.Parse,
        options => BenchRun.CleanUp(options.Common), options => new ClusterBench(options).RunAsync(), stopServers: BenchPostgres.StopAll);

    private static IReadOnlyList<ClusterTable.Row> Rows(BenchOptions common)
    {
        var saturated = $"saturated, {common.Boxes} boxes";
        var latency = $"at {common.LatencyRate:#,0} taps/s";
        List<ClusterTable.Row> rows =
        [
            new("ready_s", "fresh cloud ready (migrate, silos, demo seeded)", "s"),
            new("sat_taps_per_s", $"(a) durable taps/s, {saturated}", "taps/s", ">= 10,000 (embedded)"),
            new("sat_p50_ms", "(a) tap-to-durable p50, saturated", "ms"),
            new("sat_p99_ms", "(a) tap-to-durable p99, saturated", "ms"),
            new("lat_taps_per_s", $"(a) durable taps/s {latency} target, {common.LatencyBoxes} boxes", "taps/s"),
            new("lat_p50_ms", $"(a) tap-to-durable p50 {latency}", "ms"),
            new("lat_p99_ms", $"(a) tap-to-durable p99 {latency}", "ms", "< 500 ms"),
        ];
        foreach (var (key, run) in new[] { ("sat", "saturated"), ("lat", latency) })
        {
            rows.AddRange(
            [
                new($"{key}_silo_cpu_us_per_tap", $"{run}: silos' CPU per tap", "µs"),
                new($"{key}_postgres_cpu_us_per_tap", $"{run}: PostgreSQL's CPU per tap", "µs"),
                new($"{key}_simulator_cpu_us_per_tap", $"{run}: simulators' CPU per tap", "µs"),
                new($"{key}_silo_cores", $"{run}: silos' cores busy", "cores"),
                new($"{key}_postgres_cores", $"{run}: PostgreSQL's cores busy", "cores"),
                new($"{key}_simulator_cores", $"{run}: simulators' cores busy", "cores"),
                new($"{key}_machine_cores", $"{run}: whole machine's cores busy (of {Environment.ProcessorCount})", "cores"),
                new($"{key}_silo_bytes_written_per_tap", $"{run}: silos' bytes written to disk per tap", "B"),
                new($"{key}_postgres_commits_per_1000_taps", $"{run}: PostgreSQL commits per 1,000 taps (xact_commit)", ""),
                new($"{key}_postgres_rows_per_1000_taps", $"{run}: PostgreSQL rows inserted + updated per 1,000 taps", ""),
                new($"{key}_postgres_wal_bytes_per_tap", $"{run}: PostgreSQL WAL bytes per tap", "B"),
                new($"{key}_postgres_wal_syncs_per_1000_taps", $"{run}: PostgreSQL WAL fsyncs per 1,000 taps", ""),
                new($"{key}_postgres_blocks_written_per_1000_taps", $"{run}: PostgreSQL data blocks (8 kB) written per 1,000 taps", ""),
                new($"{key}_postgres_connections", $"{run}: connections open to the database after the run", ""),
            ]);
        }
        return rows;
    }

    public async Task<bool> RunAsync()
    {
        Directory.CreateDirectory(_common.WorkDirectory);
        var loadAtStart = MachineLoad.Average();
        Console.WriteLine($"CarteValoise cluster benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {loadAtStart}");
        Console.WriteLine($"work directory {_common.WorkDirectory} (silos' and PostgreSQL's data inside it); child logs in {_common.LogDirectory}");
        BenchPostgres? postgres = null;
        try
        {
            if (options.Setups.Any(setup => setup.OnPostgres))
            {
                var port = FreePort.Next();
                Console.WriteLine($"== PostgreSQL of the benchmark's own on 127.0.0.1:{port} (tests/postgres.sh)");
                postgres = BenchPostgres.Start(_common.RepositoryRoot, Path.Combine(_common.WorkDirectory, "postgres"), port);
                _table.Note($"PostgreSQL: {await postgres.SettingsAsync()}");
            }
            var kinds = new[]
            {
                new RunKind("lat", $"latency: {_common.LatencyBoxes} boxes at {_common.LatencyRate:#,0} taps/s, {_common.LatencySeconds:0} s",
                    _common.LatencyBoxes, _common.LatencyRate, _common.LatencySeconds),
                new RunKind("sat", $"saturation: {_common.Boxes} boxes, target {_common.SaturationRate:#,0} taps/s, {_common.SaturationSeconds:0} s",
                    _common.Boxes, _common.SaturationRate, _common.SaturationSeconds),
            };
            foreach (var setup in options.Setups)
                foreach (var kind in kinds)
                    await MeasureAsync(setup, kind, postgres);
        }
        catch (Exception ex)
        {
            _allRan = false;
            _table.Note($"the benchmark stopped: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            ChildProcesses.KillAll();
            postgres?.Dispose();
            BenchRun.CleanUp(_common);
        }
        if (options.Setups.Any(setup => setup.Silos > 1))
            _table.Note("with several silos, one simulator per silo starts its boxes there; taps/s are their sum, p50 and p99 the highest of theirs.");
        _table.Note($"load average (1, 5, 15 min) at start {loadAtStart}, at end {MachineLoad.Average()}, on {Environment.ProcessorCount} cores");
        _table.Print(Console.Out);
        return _allRan;
    }

    private async Task MeasureAsync(ClusterSetup setup, RunKind kind, BenchPostgres? postgres)
    {
        var name = $"{setup.Key}-{kind.Key}";
        Console.WriteLine($"== [{setup.Title}] {kind.Title}");
        try
        {
            var runs = Simulators(setup, kind, name);
            var boxes = runs.SelectMany(run => Enumerable.Range(1, run.Boxes).Select(i => $"{run.BoxPrefix}-{i}"))
                .Select((id, i) => new BenchBox(id, _common.Schools[i % _common.Schools.Count])).ToList();

            var starting = Stopwatch.GetTimestamp();
            using var platform = await BenchPlatform.StartAsync(setup, postgres, name, boxes, _secret, _common);
            var ready = Stopwatch.GetElapsedTime(starting);
            Console.WriteLine($"  fresh cloud ready in {ready.TotalSeconds:0.0} s: {platform.AddressesStartingAt(0)}{(platform.Database is null ? "" : $", database {platform.Database}")}");
            if (double.IsNaN(_table.Value(setup, "ready_s"))) _table.Add(setup, "ready_s", ready.TotalSeconds);

            var siloBefore = platform.Counters();
            var eachSiloBefore = platform.Silos.Select(silo => silo.Counters()).ToList();
            var postgresBefore = platform.Database is null ? null : await postgres!.CountersAsync(platform.Database);
            var machineBefore = ProcessTreeCpu.MachineBusy();
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(runs.Select((run, k) =>
                LoadSimulator.RunAsync(_common.EdgeDll, platform.AddressesStartingAt(k), run, _secret, _common.WorkDirectory, _common.LogDirectory)));
            var wall = Stopwatch.GetElapsedTime(started);
            var machine = ProcessTreeCpu.MachineBusy() - machineBefore;
            var silos = platform.Counters().Since(siloBefore);
            var eachSilo = platform.Silos.Select((silo, i) => silo.Counters().Since(eachSiloBefore[i]).Cpu).ToList();
            var database = postgresBefore is null ? null : (await postgres!.CountersAsync(platform.Database!)).Since(postgresBefore);
            if (platform.AnyEnded) _table.Note($"a silo ended during [{setup.Title}] {kind.Title}:\n{platform.Tails()}");

            foreach (var (result, _) in results) Console.WriteLine($"  {result.Line}");
            var taps = results.Sum(r => r.Result.Number("taps"));
            var acknowledged = results.Sum(r => r.Result.Number("acknowledged"));
            if (acknowledged < taps) _table.Note($"[{setup.Title}] {kind.Title}: {acknowledged:#,0} of {taps:#,0} taps acknowledged before the simulators gave up waiting.");
            _table.Add(setup, $"{kind.Key}_taps_per_s", results.Sum(r => r.Result.Number("sustained_taps_per_s")));
            _table.Add(setup, $"{kind.Key}_p50_ms", results.Max(r => r.Result.Number("p50_ms")));
            _table.Add(setup, $"{kind.Key}_p99_ms", results.Max(r => r.Result.Number("p99_ms")));
            var simulators = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Spent.Cpu);
            WhereTheTimeGoes(setup, kind.Key, acknowledged, wall, silos, database, simulators, machine);
            _table.Note($"[{setup.Title}] {kind.Key}: CPU seconds over {wall.TotalSeconds:0} s: "
                + string.Join(", ", eachSilo.Select((cpu, i) => $"silo-{i + 1} {cpu.TotalSeconds:0.0}"))
                + (database is null ? "" : $", PostgreSQL {database.Cpu.TotalSeconds:0.0}")
                + $", simulators {simulators.TotalSeconds:0.0}, whole machine {machine.TotalSeconds:0.0}");
        }
        catch (Exception ex)
        {
            _allRan = false;
            _table.Note($"not measured: [{setup.Title}] {kind.Title}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>One simulator per silo, the run's boxes and rate shared between them as evenly as can be.</summary>
    private List<LoadSimulator.Run> Simulators(ClusterSetup setup, RunKind kind, string name)
    {
        var runs = new List<LoadSimulator.Run>();
        for (var k = 0; k < setup.Silos; k++)
        {
            var boxes = kind.Boxes / setup.Silos + (k < kind.Boxes % setup.Silos ? 1 : 0);
            if (boxes == 0) continue;
            runs.Add(new LoadSimulator.Run($"{name}-simulate-{k + 1}", boxes, kind.Rate * boxes / kind.Boxes, kind.Seconds,
                $"bench-{name}-{k + 1}", _common.Schools[0]));
        }
        return runs;
    }

    private void WhereTheTimeGoes(ClusterSetup setup, string key, double taps, TimeSpan wall, ProcessCounters silos, PostgresCounters? database,
        TimeSpan simulators, TimeSpan machine)
    {
        if (!(taps > 0)) return;
        double PerTap(double value) => value / taps;
        double PerThousand(double value) => value * 1000 / taps;
        double Cores(TimeSpan cpu) => cpu.TotalSeconds / wall.TotalSeconds;
        _table.Add(setup, $"{key}_silo_cpu_us_per_tap", PerTap(silos.Cpu.TotalMicroseconds));
        _table.Add(setup, $"{key}_simulator_cpu_us_per_tap", PerTap(simulators.TotalMicroseconds));
        _table.Add(setup, $"{key}_silo_cores", Cores(silos.Cpu));
        _table.Add(setup, $"{key}_simulator_cores", Cores(simulators));
        _table.Add(setup, $"{key}_machine_cores", Cores(machine));
        _table.Add(setup, $"{key}_silo_bytes_written_per_tap", PerTap(silos.WrittenBytes));
        if (database is null) return;
        _table.Add(setup, $"{key}_postgres_cpu_us_per_tap", PerTap(database.Cpu.TotalMicroseconds));
        _table.Add(setup, $"{key}_postgres_cores", Cores(database.Cpu));
        _table.Add(setup, $"{key}_postgres_commits_per_1000_taps", PerThousand(database.Commits));
        _table.Add(setup, $"{key}_postgres_rows_per_1000_taps", PerThousand(database.TuplesInserted + database.TuplesUpdated));
        _table.Add(setup, $"{key}_postgres_wal_bytes_per_tap", PerTap(database.WalBytes));
        _table.Add(setup, $"{key}_postgres_wal_syncs_per_1000_taps", PerThousand(database.WalSyncs));
        _table.Add(setup, $"{key}_postgres_blocks_written_per_1000_taps", PerThousand(database.BlocksWritten));
        _table.Add(setup, $"{key}_postgres_connections", database.Connections);
    }
}

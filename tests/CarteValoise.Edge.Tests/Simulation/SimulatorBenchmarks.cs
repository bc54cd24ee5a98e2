using System.Diagnostics;
using System.Globalization;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Simulation;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Edge.Tests.Uplink;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Simulation;

/// <summary>
/// What the load simulator itself costs the machine, per tap, against a loopback cloud that only
/// acknowledges (printed, not asserted against a clock): the part of a benchmark's CPU that is
/// the simulated boxes' (their outboxes on disk, their streams), not the cloud's.
/// </summary>
[Collection(MeasuredAlone.Name)]
public class SimulatorBenchmarks(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task The_simulator_s_own_cost_per_tap()
    {
        await using var cloud = await AckingCloud.StartAsync();
        var roster = new RosterDelta { Version = 1, Full = true, SchoolName = "École du banc d'essai", ServiceDate = "2025-04-01" };
        roster.Upserts.AddRange(Enumerable.Range(1, 300).Select(i => new RosterEntry { CardUid = $"049512710{i:D3}00", ChildId = $"c{i}", FirstName = $"Enfant {i}", CanteenToday = true }));
        cloud.Roster = roster;
        var options = new SimulateOptions(8, 10_000, TimeSpan.FromSeconds(3), cloud.Address, "bench", "s3cret", "95127-E1", _root.Path, 200,
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15), BoxMode.Canteen);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();

        var loggers = new ListLoggerFactory();
        var progress = new StringWriter();
        var result = await new Simulator(options, TimeProvider.System, loggers, progress).RunAsync(CancellationToken.None);
        foreach (var (category, level, message) in loggers.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning))
            output.WriteLine($"{level} {category} : {message}");
        output.WriteLine(progress.ToString());

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var taps = result.Report.Taps;
        Assert.Equal(0, result.NeverAcknowledged);
        Assert.Equal(taps, Enumerable.Range(1, 8).Sum(i => cloud.DurableThroughOf($"bench-{i}")));
        output.WriteLine(result.Report.Line());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH simulator taps={taps} cpu_us_per_tap={cpu.TotalMilliseconds * 1000 / taps:0} alloc_kb_per_tap={(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / taps:0.0} "
            + $"taps_per_batch={taps / (double)cloud.Batches:0} (boîtes simulées et nuage d'essai réunis ; LiteDB 5.0.21 alloue environ 14 Ko par document écrit)"));
    }
}

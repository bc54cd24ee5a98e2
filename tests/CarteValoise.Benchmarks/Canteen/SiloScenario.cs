using System.Diagnostics;
using System.Runtime.InteropServices;
using CarteValoise.Benchmarks.Processes;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// What the benchmarks on one silo of their own (canteen, démarches) do alike around their parts:
/// the header, a fresh silo's settings in the work directory, each part measured or noted as not
/// measured while the others still run, the silo's start and memory, and at the end, whatever
/// happened, the children killed, the files cleaned up and the figures printed with the machine's load.
/// </summary>
public sealed class SiloScenario(string name, BenchOptions common, string cloudDll)
{
    private bool _failed;

    public Figures Figures { get; } = new();

    public async Task<bool> RunAsync(Func<CanteenSilo.Settings, Task> parts)
    {
        Directory.CreateDirectory(common.WorkDirectory);
        var loadAtStart = MachineLoad.Average();
        Console.WriteLine($"CarteValoise {name} benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {loadAtStart}");
        Console.WriteLine($"work directory {common.WorkDirectory} (the silo's data directory is inside it); child logs in {common.LogDirectory}");
        var settings = CanteenSilo.Settings.Fresh(Path.Combine(common.WorkDirectory, "cloud"));
        var allRan = true;
        try
        {
            await parts(settings);
        }
        catch (Exception ex)
        {
            allRan = false;
            Figures.Note($"the {name} benchmark stopped: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            ChildProcesses.KillAll();
            BenchRun.CleanUp(common);
        }
        allRan &= !_failed;
        Figures.Note($"load average (1, 5, 15 min) at start {loadAtStart}, at end {MachineLoad.Average()}, on {Environment.ProcessorCount} cores");
        Figures.Print(Console.Out);
        return allRan;
    }

    public async Task PartAsync(string title, Func<Task> part)
    {
        Console.WriteLine($"== {title}");
        try
        {
            await part();
        }
        catch (Exception ex)
        {
            _failed = true;
            Figures.Note($"not measured: {title}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public async Task<CanteenSilo> StartSiloAsync(CanteenSilo.Settings settings, string processName)
    {
        var started = Stopwatch.GetTimestamp();
        var silo = await CanteenSilo.StartAsync(cloudDll, settings, processName, common.LogDirectory, TimeSpan.FromSeconds(common.CloudStartSeconds));
        Console.WriteLine($"  silo ready at {settings.Address} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return silo;
    }

    /// <summary>The same cloud again on the seeded disk; how long it took to be ready is a figure.</summary>
    public async Task<CanteenSilo> RestartSiloAsync(CanteenSilo.Settings settings, string processName, string key)
    {
        var started = Stopwatch.GetTimestamp();
        var silo = await StartSiloAsync(settings, processName);
        Figures.Add(new Figure(key, $"({name}) silo restart on the seeded disk, to CLOUD READY", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));
        return silo;
    }

    public void Memory(CanteenSilo silo, string key, string when)
    {
        var (now, peak) = silo.Memory();
        Figures.Add(new Figure($"{key}_working_set_mb", $"({name}) silo working set {when}", Megabytes(now), "MB", "", $"peak {Megabytes(peak):#,0} MB"));
    }

    /// <summary>The silo's data directory on disk.</summary>
    public void DataSize(CanteenSilo.Settings settings, string key) =>
        Figures.Add(new Figure(key, $"({name}) silo data directory on disk", Megabytes(DirectorySize(settings.DataDirectory)), "MB"));

    public static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private static long DirectorySize(string directory) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
}

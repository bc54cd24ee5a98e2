using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CarteValoise.Benchmarks.Processes;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The real cloud program on its embedded default (LiteDB grain storage in a data directory of the
/// benchmark's), with the demo département seeded for its agent login, and its Orleans gateway port
/// known so that the benchmark can seed the large commune through the grains. Started again with the
/// same ports, key and disk, it is a restart of the same cloud.
/// </summary>
public sealed class CanteenSilo : IDisposable
{
    private readonly ChildProcess _process;

    private CanteenSilo(ChildProcess process, Settings settings, int processId)
    {
        _process = process;
        Current = settings;
        ProcessId = processId;
    }

    public sealed record Settings(string DataDirectory, int HttpPort, int SiloPort, int GatewayPort, string SigningKey)
    {
        public static Settings Fresh(string dataDirectory) =>
            new(dataDirectory, FreePort.Next(), FreePort.Next(), FreePort.Next(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

        public Uri Address => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");
    }

    public Settings Current { get; }

    public int ProcessId { get; }

    public static async Task<CanteenSilo> StartAsync(string dll, Settings settings, string name, string logDirectory, TimeSpan patience)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"The cloud program is not built: {dll} (dotnet build cloud/CarteValoise.Cloud -c Release).");
        Directory.CreateDirectory(settings.DataDirectory);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = settings.Address.ToString().TrimEnd('/'),
            ["DataDirectory"] = settings.DataDirectory,
            ["Orleans__SiloPort"] = settings.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = settings.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Identity__TokenSigningKey"] = settings.SigningKey,
            ["Demo__Seed"] = "true",
        };
        // A mark on its command line (a configuration key it ignores) finds its process id for its memory.
        var mark = "--CanteenBench:Run=" + Guid.NewGuid().ToString("N");
        var process = ChildProcess.Start(name, dll, [mark], environment, Path.GetDirectoryName(dll)!, logDirectory);
        try
        {
            await process.WaitForLineAsync(line => line.Contains("CLOUD READY", StringComparison.Ordinal), "\"CLOUD READY\"", patience);
            return new CanteenSilo(process, settings, FindProcess(mark));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>The process's working set (resident memory) now and at its peak, in bytes.</summary>
    public (long Now, long Peak) Memory()
    {
        using var process = Process.GetProcessById(ProcessId);
        return (process.WorkingSet64, process.PeakWorkingSet64);
    }

    public ProcessCounters Counters() => _process.Counters();

    public bool HasEnded => _process.HasEnded;

    public string Tail() => _process.Tail();

    public void Dispose() => _process.Dispose();

    /// <summary>Linux only, as the benchmark is: the process whose command line holds the mark.</summary>
    private static int FindProcess(string mark)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(mark, StringComparison.Ordinal)) return id;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Ended meanwhile, or not ours.
            }
        }
        throw new InvalidOperationException($"The cloud process marked {mark} is not in /proc: its memory cannot be read.");
    }
}

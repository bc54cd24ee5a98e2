using System.Globalization;

namespace CarteValoise.Benchmarks.Running;

/// <summary>
/// What one run measures and for how long. Every duration and size is a flag, so that a quick
/// look takes seconds and a careful one minutes; the defaults fit a few minutes on two cores.
/// </summary>
public sealed class BenchOptions
{
    public HashSet<char> Parts { get; private set; } = ['a', 'b', 'c', 'd', 'e'];
    public string RepositoryRoot { get; private set; } = "";
    public string Configuration { get; private set; } = "Release";
    public string WorkDirectory { get; private set; } = "";
    public string LogDirectory { get; private set; } = "";
    public bool Keep { get; private set; }

    // (a) through the real silo
    public int Boxes { get; private set; } = 32;
    public double SaturationRate { get; private set; } = 100_000;
    public double SaturationSeconds { get; private set; } = 20;
    public int LatencyBoxes { get; private set; } = 32;
    public double LatencyRate { get; private set; } = 2_000;
    public double LatencySeconds { get; private set; } = 20;
    /// <summary>The demo schools the simulated boxes are enrolled in, box i in school i mod count.</summary>
    public IReadOnlyList<string> Schools { get; private set; } = ["95127-E1", "95127-E2", "95500-E1", "95500-E2", "95018-E1", "95018-E2"];
    public double CloudStartSeconds { get; private set; } = 180;

    // (b) network ceiling
    public double EchoSeconds { get; private set; } = 5;
    public int EchoStreams { get; private set; } = 8;
    public int BatchSize { get; private set; } = 50;
    public int EchoWindow { get; private set; } = 32;
    public int EchoConnections { get; private set; } = 8;

    // (c) storage ceiling
    public double StorageSeconds { get; private set; } = 3;
    public IReadOnlyList<int> StorageGroups { get; private set; } = [10, 100, 1000];

    // (d) the box's outbox
    public double BoxSeconds { get; private set; } = 5;
    public double BoxRate { get; private set; } = 2_000;

    // (e) backlog drain
    public int Backlog { get; private set; } = 200_000;
    public double DrainTimeoutSeconds { get; private set; } = 60;
    public string DrainSchool { get; private set; } = "95500-E2";

    public string CloudDll => Path.Combine(RepositoryRoot, "cloud", "CarteValoise.Cloud", "bin", Configuration, "net10.0", "CarteValoise.Cloud.dll");
    public string EdgeDll => Path.Combine(RepositoryRoot, "edge", "CarteValoise.Edge", "bin", Configuration, "net10.0", "CarteValoise.Edge.dll");

    public const string Usage = """
        CarteValoise reader-box benchmark: prints figures, asserts nothing.
        usage: CarteValoise.Benchmarks [flags]
          --only a,b,c,d,e            parts to run (default: all)
                                      a end-to-end through the real silo (edge `simulate`), b gRPC echo ceiling,
                                      c LiteDB fsync ceiling, d box outbox and feedback, e backlog drain
          --boxes 32                  (a) simulated boxes of the saturation run
          --saturation-rate 100000    (a) target taps/s of the saturation run (far above capacity)
          --saturation-seconds 20     (a)
          --latency-boxes 32          (a) simulated boxes of the latency run
          --latency-rate 2000         (a) target taps/s of the latency run
          --latency-seconds 20        (a)
          --schools 95127-E1,...      (a) demo schools the boxes are enrolled in, in turn (default: all six)
          --echo-seconds 5            (b)   --echo-streams 8   --batch 50   --echo-window 32 (batches in flight per stream)
          --echo-connections 8        (b) HTTP/2 connections the streams share
          --storage-seconds 3         (c) per group size   --storage-groups 10,100,1000
          --box-seconds 5             (d) per run           --box-rate 2000 (taps/s of the paced run)
          --backlog 200000            (e)   --drain-timeout 60 (s, per drain)   --drain-school 95500-E2
          --work-dir DIR              temporary data (default: a new folder in the temp directory, same disk as the silo's)
          --logs DIR                  child processes' output (default: artifacts/bench)
          --keep                      keep the work directory
          --root DIR                  repository root (default: found from this program's folder)
          --configuration Release     build configuration of the cloud and edge programs
          --cloud-start-seconds 180   patience for "CLOUD READY"
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag == "--keep")
            {
                options.Keep = true;
                continue;
            }
            if (i + 1 >= args.Length) throw new UsageException($"{flag} needs a value.\n{Usage}");
            var value = args[++i];
            switch (flag)
            {
                case "--only": options.Parts = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => char.ToLowerInvariant(p[0]))]; break;
                case "--boxes": options.Boxes = Int(flag, value); break;
                case "--saturation-rate": options.SaturationRate = Number(flag, value); break;
                case "--saturation-seconds": options.SaturationSeconds = Number(flag, value); break;
                case "--latency-boxes": options.LatencyBoxes = Int(flag, value); break;
                case "--latency-rate": options.LatencyRate = Number(flag, value); break;
                case "--latency-seconds": options.LatencySeconds = Number(flag, value); break;
                case "--schools": options.Schools = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                case "--echo-seconds": options.EchoSeconds = Number(flag, value); break;
                case "--echo-streams": options.EchoStreams = Int(flag, value); break;
                case "--batch": options.BatchSize = Int(flag, value); break;
                case "--echo-window": options.EchoWindow = Int(flag, value); break;
                case "--echo-connections": options.EchoConnections = Int(flag, value); break;
                case "--storage-seconds": options.StorageSeconds = Number(flag, value); break;
                case "--storage-groups": options.StorageGroups = [.. value.Split(',').Select(v => Int(flag, v))]; break;
                case "--box-seconds": options.BoxSeconds = Number(flag, value); break;
                case "--box-rate": options.BoxRate = Number(flag, value); break;
                case "--backlog": options.Backlog = Int(flag, value); break;
                case "--drain-timeout": options.DrainTimeoutSeconds = Number(flag, value); break;
                case "--drain-school": options.DrainSchool = value; break;
                case "--work-dir": options.WorkDirectory = value; break;
                case "--logs": options.LogDirectory = value; break;
                case "--root": options.RepositoryRoot = value; break;
                case "--configuration": options.Configuration = value; break;
                case "--cloud-start-seconds": options.CloudStartSeconds = Number(flag, value); break;
                default: throw new UsageException($"Unknown flag {flag}.\n{Usage}");
            }
        }
        if (options.RepositoryRoot.Length == 0) options.RepositoryRoot = FindRepositoryRoot();
        options.RepositoryRoot = Path.GetFullPath(options.RepositoryRoot);
        if (options.WorkDirectory.Length == 0)
            options.WorkDirectory = Path.Combine(Path.GetTempPath(), "cartevaloise-bench-" + Guid.NewGuid().ToString("N")[..8]);
        if (options.LogDirectory.Length == 0) options.LogDirectory = Path.Combine(options.RepositoryRoot, "artifacts", "bench");
        return options;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CarteValoise.sln"))) return dir.FullName;
        throw new UsageException("CarteValoise.sln not found above this program: give --root.");
    }

    private static double Number(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{flag} needs a positive number, not \"{value}\".");

    private static int Int(string flag, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{flag} needs a positive whole number, not \"{value}\".");
}

public sealed class UsageException(string message) : Exception(message);

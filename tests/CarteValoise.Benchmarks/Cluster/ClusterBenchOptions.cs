using System.Globalization;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// The setups the cluster benchmark compares, and how many silos its cluster has. Everything else
/// is the reader-box benchmark's part (a) and means what it means there (--boxes, --latency-rate…),
/// as do the shared flags (--root, --work-dir, --logs, --keep, --configuration, --cloud-start-seconds).
/// </summary>
public sealed class ClusterBenchOptions
{
    public BenchOptions Common { get; private set; } = null!;
    public int ClusterSilos { get; private set; } = 3;
    public IReadOnlyList<string> SetupKeys { get; private set; } = ["embedded", "postgres", "cluster"];

    public IReadOnlyList<ClusterSetup> Setups =>
    [
        .. SetupKeys.Select(key => key switch
        {
            "embedded" => ClusterSetup.Embedded,
            "postgres" => ClusterSetup.Postgres,
            _ => ClusterSetup.Cluster(ClusterSilos),
        }),
    ];

    public const string Usage = """
        CarteValoise cluster benchmark: the end-to-end tap benchmark (a) on the embedded default, on one
        silo on PostgreSQL and on a cluster of silos on PostgreSQL, side by side. Prints figures, asserts nothing.
        usage: CarteValoise.Benchmarks cluster [flags]
          --setups embedded,postgres,cluster   which to run, in this order (default: all three)
          --silos 3                   silos of the cluster setup, all on this machine
          --boxes 32                  simulated boxes of the saturation run
          --saturation-rate 100000    target taps/s of the saturation run (far above capacity)
          --saturation-seconds 20
          --latency-boxes 32          simulated boxes of the latency run
          --latency-rate 2000         target taps/s of the latency run
          --latency-seconds 20
          --schools 95127-E1,...      demo schools the boxes are enrolled in, in turn
          --work-dir DIR  --logs DIR  --keep  --root DIR  --configuration Release  --cloud-start-seconds 180
        Each run gets fresh silos and, on PostgreSQL, a fresh database migrated by `CarteValoise.Cloud migrate`
        on a server of the benchmark's own (tests/postgres.sh, a free loopback port, data in the work directory).
        """;

    private static readonly HashSet<string> SetupNames = ["embedded", "postgres", "cluster"];

    public static ClusterBenchOptions Parse(string[] args)
    {
        var options = new ClusterBenchOptions();
        var common = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag is "--setups" or "--silos")
            {
                if (i + 1 >= args.Length) throw new UsageException($"{flag} needs a value.\n{Usage}");
                var value = args[++i];
                if (flag == "--silos")
                {
                    options.ClusterSilos = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var silos) && silos >= 2
                        ? silos
                        : throw new UsageException($"--silos needs a whole number of at least 2, not \"{value}\".");
                    continue;
                }
                var keys = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var unknown = keys.Where(key => !SetupNames.Contains(key)).ToList();
                if (keys.Length == 0 || unknown.Count > 0)
                    throw new UsageException($"--setups takes embedded, postgres and cluster, not \"{value}\".");
                options.SetupKeys = keys;
                continue;
            }
            // The ceilings and the box alone are the reader-box benchmark's: only (a) runs here.
            if (flag == "--only") throw new UsageException($"--only belongs to the reader-box benchmark; here use --setups.\n{Usage}");
            common.Add(flag);
        }
        options.Common = BenchOptions.Parse([.. common]);
        return options;
    }
}

using System.Globalization;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// The size of the commune's history the démarches benchmark builds and how often it asks each
/// question. The defaults are the 50,000 requests in one commune; the shared flags (--root,
/// --work-dir, --logs, --keep, --configuration, --cloud-start-seconds) mean what they mean for the
/// reader-box benchmark.
/// </summary>
public sealed class DemarchesBenchOptions
{
    public BenchOptions Common { get; private set; } = null!;
    public int Requests { get; private set; } = 50_000;
    public int ThroughRequests { get; private set; } = 1_000;
    public int Months { get; private set; } = 18;
    public int Calls { get; private set; } = 20;
    public int ColdRounds { get; private set; } = 3;
    public int Parallelism { get; private set; } = 64;
    public bool Restart { get; private set; } = true;

    public string CloudDll => Common.CloudDll;

    public const string Usage = """
        CarteValoise démarches benchmark: one commune's requests, then its agents' queue and statistics.
        usage: CarteValoise.Benchmarks demarches [flags]
          --requests 50000            requests of the commune in all
          --through-requests 1000     of them, filed today through the request grains (Submit, then the
                                      agents' moves); the others are months of history written as
                                      queue lines (Allocate, then Track) with their own dates
          --months 18                 months of filing dates the history spreads over, up to today
          --calls 20                  calls per question, for p50 and max
          --cold-rounds 3             times the queue grain is deactivated and asked again
          --parallelism 64            grain calls in flight while seeding
          --no-restart                skip the first questions after a restart of the silo
          --work-dir DIR  --logs DIR  --keep  --root DIR  --configuration Release  --cloud-start-seconds 180
        """;

    private static readonly HashSet<string> CommonFlags = ["--work-dir", "--logs", "--root", "--configuration", "--cloud-start-seconds"];

    public static DemarchesBenchOptions Parse(string[] args)
    {
        var options = new DemarchesBenchOptions();
        var common = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag == "--keep") { common.Add(flag); continue; }
            if (flag == "--no-restart") { options.Restart = false; continue; }
            if (i + 1 >= args.Length) throw new UsageException($"{flag} needs a value.\n{Usage}");
            var value = args[++i];
            if (CommonFlags.Contains(flag)) { common.Add(flag); common.Add(value); continue; }
            switch (flag)
            {
                case "--requests": options.Requests = Int(flag, value, 1); break;
                case "--through-requests": options.ThroughRequests = Int(flag, value, 0); break;
                case "--months": options.Months = Int(flag, value, 1); break;
                case "--calls": options.Calls = Int(flag, value, 1); break;
                case "--cold-rounds": options.ColdRounds = Int(flag, value, 1); break;
                case "--parallelism": options.Parallelism = Int(flag, value, 1); break;
                default: throw new UsageException($"Unknown flag {flag}.\n{Usage}");
            }
        }
        if (options.ThroughRequests > options.Requests) throw new UsageException("--through-requests cannot exceed --requests.");
        options.Common = BenchOptions.Parse([.. common]);
        return options;
    }

    private static int Int(string flag, string value, int least) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= least
            ? number
            : throw new UsageException($"{flag} needs a whole number of at least {least}, not \"{value}\".");
}

using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// The size of the commune's history the démarches benchmark builds and how often it asks each
/// question. The defaults are the 50,000 requests in one commune.
/// </summary>
public sealed class DemarchesBenchOptions : SiloScenarioOptions
{
    public int Requests { get; private set; } = 50_000;
    public int ThroughRequests { get; private set; } = 1_000;
    public int Months { get; private set; } = 18;
    public int Calls { get; private set; } = 20;
    public int ColdRounds { get; private set; } = 3;
    public int Parallelism { get; private set; } = 64;

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

    public static DemarchesBenchOptions Parse(string[] args)
    {
        var options = new DemarchesBenchOptions();
        options.Read(args, Usage);
        return options;
    }

    protected override bool Take(string flag, string value)
    {
        switch (flag)
        {
            case "--requests": Requests = WholeNumber(flag, value, 1); break;
            case "--through-requests": ThroughRequests = WholeNumber(flag, value, 0); break;
            case "--months": Months = WholeNumber(flag, value, 1); break;
            case "--calls": Calls = WholeNumber(flag, value, 1); break;
            case "--cold-rounds": ColdRounds = WholeNumber(flag, value, 1); break;
            case "--parallelism": Parallelism = WholeNumber(flag, value, 1); break;
            default: return false;
        }
        return true;
    }

    protected override void Check()
    {
        if (ThroughRequests > Requests) throw new UsageException("--through-requests cannot exceed --requests.");
    }
}

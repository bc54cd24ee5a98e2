using System.Globalization;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The size of the commune the canteen benchmark builds and what it measures on it. The defaults are
/// the large Val d'Oise commune and fit a few minutes on two cores.
/// </summary>
public sealed class CanteenBenchOptions : SiloScenarioOptions
{
    public int Children { get; private set; } = 6_000;
    public int Families { get; private set; } = 3_500;
    public int Schools { get; private set; } = 40;
    public double CanteenShare { get; private set; } = 0.9;
    public DateOnly From { get; private set; } = new(2026, 9, 1);
    public DateOnly To { get; private set; } = new(2027, 7, 3);
    public string CloseMonth { get; private set; } = "2026-11";
    public DateOnly ReportDay { get; private set; } = new(2026, 11, 17);
    public int ReportCalls { get; private set; } = 50;
    public int Parallelism { get; private set; } = 64;

    public const string Usage = """
        CarteValoise canteen benchmark: a large commune's school year through the grains, then its reports.
        usage: CarteValoise.Benchmarks canteen [flags]
          --children 6000             children enrolled
          --families 3500             families they belong to (siblings share a school)
          --schools 40                schools of the commune
          --canteen-share 0.9         share of children with a standing canteen reservation
          --from 2026-09-01           first day of taps
          --to 2027-07-03             last day of taps
          --close-month 2026-11       month closed (it must be over)
          --report-day 2026-11-17     day of GetSchoolDayReport, and week of GetWeekCounts
          --report-calls 50           calls per report, for p50/p99
          --parallelism 64            grain calls in flight while seeding
          --no-restart                skip the cold reads after a silo restart
          --work-dir DIR  --logs DIR  --keep  --root DIR  --configuration Release  --cloud-start-seconds 180
        """;

    public static CanteenBenchOptions Parse(string[] args)
    {
        var options = new CanteenBenchOptions();
        options.Read(args, Usage);
        return options;
    }

    protected override bool Take(string flag, string value)
    {
        switch (flag)
        {
            case "--children": Children = Int(flag, value); break;
            case "--families": Families = Int(flag, value); break;
            case "--schools": Schools = Int(flag, value); break;
            case "--canteen-share": CanteenShare = Share(flag, value); break;
            case "--from": From = Day(flag, value); break;
            case "--to": To = Day(flag, value); break;
            case "--close-month": CloseMonth = value; break;
            case "--report-day": ReportDay = Day(flag, value); break;
            case "--report-calls": ReportCalls = Int(flag, value); break;
            case "--parallelism": Parallelism = Int(flag, value); break;
            default: return false;
        }
        return true;
    }

    protected override void Check()
    {
        if (Families > Children) throw new UsageException("--families cannot exceed --children: every family has a child.");
        if (To < From) throw new UsageException("--to comes before --from.");
    }

    private static int Int(string flag, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{flag} needs a positive whole number, not \"{value}\".");

    private static double Share(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new UsageException($"{flag} needs a share between 0 and 1, not \"{value}\".");

    private static DateOnly Day(string flag, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{flag} needs a day as yyyy-MM-dd, not \"{value}\".");
}

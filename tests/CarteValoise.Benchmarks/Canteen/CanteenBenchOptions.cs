using System.Globalization;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The size of the commune the canteen benchmark builds and what it measures on it. The defaults are
/// the large Val d'Oise commune and fit a few minutes on two cores; the shared flags (--root,
/// --work-dir, --logs, --keep, --configuration, --cloud-start-seconds) mean what they mean for the
/// reader-box benchmark.
/// </summary>
public sealed class CanteenBenchOptions
{
    public BenchOptions Common { get; private set; } = null!;
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
    public bool Restart { get; private set; } = true;

    public string CloudDll => Common.CloudDll;

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

    private static readonly HashSet<string> CommonFlags = ["--work-dir", "--logs", "--root", "--configuration", "--cloud-start-seconds"];

    public static CanteenBenchOptions Parse(string[] args)
    {
        var options = new CanteenBenchOptions();
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
                case "--children": options.Children = Int(flag, value); break;
                case "--families": options.Families = Int(flag, value); break;
                case "--schools": options.Schools = Int(flag, value); break;
                case "--canteen-share": options.CanteenShare = Share(flag, value); break;
                case "--from": options.From = Day(flag, value); break;
                case "--to": options.To = Day(flag, value); break;
                case "--close-month": options.CloseMonth = value; break;
                case "--report-day": options.ReportDay = Day(flag, value); break;
                case "--report-calls": options.ReportCalls = Int(flag, value); break;
                case "--parallelism": options.Parallelism = Int(flag, value); break;
                default: throw new UsageException($"Unknown flag {flag}.\n{Usage}");
            }
        }
        if (options.Families > options.Children) throw new UsageException("--families cannot exceed --children: every family has a child.");
        if (options.To < options.From) throw new UsageException("--to comes before --from.");
        options.Common = BenchOptions.Parse([.. common]);
        return options;
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

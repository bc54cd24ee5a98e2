using System.Globalization;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Admin.Effectifs;

/// <summary>
/// The week's counts drawn as one small bar chart per school, Monday to Friday, the forecast beside
/// the actual, every school on the same scale so that they compare at a glance. Geometry only: the
/// page writes the SVG, each with a title and a description that say the same figures in words.
/// </summary>
public sealed class WeekChart
{
    public const int Width = 320;
    public const int Height = 190;
    public const double PlotLeft = 36;
    public const double PlotRight = Width - 6;
    public const double PlotTop = 16;
    public const double PlotBottom = Height - 40;

    private WeekChart(IReadOnlyList<DateOnly> days, int top, IReadOnlyList<int> ticks, IReadOnlyList<SchoolChart> schools)
    {
        Days = days;
        Top = top;
        Ticks = ticks;
        Schools = schools;
    }

    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The value at the top of the axis, shared by every school.</summary>
    public int Top { get; }

    public IReadOnlyList<int> Ticks { get; }

    public IReadOnlyList<SchoolChart> Schools { get; }

    public static double GroupWidth(int days) => (PlotRight - PlotLeft) / Math.Max(1, days);

    public double YOf(int value) => PlotBottom - (PlotBottom - PlotTop) * value / Top;

    public static WeekChart From(WeekCounts week)
    {
        var days = week.Days.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var highest = week.Schools.SelectMany(s => s.Days).Select(d => Math.Max(d.Forecast, d.Actual)).DefaultIfEmpty(0).Max();
        var (top, step) = Axis(highest);
        var ticks = Enumerable.Range(0, top / step + 1).Select(i => i * step).ToList();
        var chart = new WeekChart(days, top, ticks, []);
        var schools = week.Schools.Select((school, index) => chart.Draw(school, index, days)).ToList();
        return new WeekChart(days, top, ticks, schools);
    }

    private SchoolChart Draw(SchoolWeek school, int index, IReadOnlyList<DateOnly> days)
    {
        var group = GroupWidth(days.Count);
        var barWidth = group * 0.34;
        var bars = new List<DayBars>();
        for (var i = 0; i < days.Count && i < school.Days.Count; i++)
        {
            var count = school.Days[i];
            var left = PlotLeft + i * group;
            bars.Add(new DayBars(
                days[i],
                left,
                left + group / 2,
                Bar(left + group * 0.14, barWidth, count.Forecast),
                Bar(left + group * 0.52, barWidth, count.Actual),
                count.ClosedReason.Length > 0 ? count.ClosedReason : null));
        }
        var description = string.Join(" ", bars.Select(b => b.ClosedReason is { } reason
            ? $"{Capitalised(FrenchFormat.Day(b.Day))} : pas de cantine ({reason})."
            : $"{Capitalised(FrenchFormat.Day(b.Day))} : {b.Forecast.Value} prévus, {b.Actual.Value} présents."));
        return new SchoolChart(school.SchoolId, school.SchoolName, $"graphique-{index}", description, bars);
    }

    private Bar Bar(double x, double width, int value) => new(x, YOf(value), width, PlotBottom - YOf(value), value);

    /// <summary>The top of the axis and its step: 1, 2 or 5 times a power of ten, four steps or so.</summary>
    private static (int Top, int Step) Axis(int highest)
    {
        if (highest <= 0) return (10, 5);
        var rough = highest / 4.0;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (int)Math.Max(1, new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough));
        return ((highest + step - 1) / step * step, step);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], FrenchFormat.French) + text[1..];

    /// <summary>«lun. 30/11».</summary>
    public static (string Weekday, string Date) ShortDay(DateOnly day) =>
        (day.ToString("ddd", FrenchFormat.French), day.ToString("dd/MM", CultureInfo.InvariantCulture));

    /// <summary>A coordinate as SVG writes it, whatever the culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

public sealed record SchoolChart(string SchoolId, string SchoolName, string Id, string Description, IReadOnlyList<DayBars> Days);

public sealed record DayBars(DateOnly Day, double Left, double Centre, Bar Forecast, Bar Actual, string? ClosedReason);

public sealed record Bar(double X, double Y, double Width, double Height, int Value);

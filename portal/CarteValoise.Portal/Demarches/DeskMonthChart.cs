using System.Globalization;
using CarteValoise.Contracts.Demarches;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The requests received per month, every démarche together, as a bar chart drawn in SVG by the
/// page (no inline style: the CSP forbids it; the bars are placed by SVG attributes and coloured by
/// desk.css). Geometry only; the table of the page says the same figures.
/// </summary>
public sealed class DeskMonthChart
{
    public const int Width = 640;
    public const int Height = 220;
    public const double PlotLeft = 40;
    public const double PlotRight = Width - 8;
    public const double PlotTop = 18;
    public const double PlotBottom = Height - 34;

    private DeskMonthChart(int top, IReadOnlyList<int> ticks, IReadOnlyList<MonthBar> bars, string description)
    {
        Top = top;
        Ticks = ticks;
        Bars = bars;
        Description = description;
    }

    public int Top { get; }

    public IReadOnlyList<int> Ticks { get; }

    public IReadOnlyList<MonthBar> Bars { get; }

    /// <summary>The figures in words, for the chart's description.</summary>
    public string Description { get; }

    public double YOf(int value) => PlotBottom - (PlotBottom - PlotTop) * value / Top;

    public static DeskMonthChart From(DemarcheStatisticsReport report)
    {
        var counts = report.Months
            .Select((month, index) => (Month: month, Count: report.Demarches.Sum(d => index < d.ReceivedPerMonth.Count ? d.ReceivedPerMonth[index] : 0)))
            .ToList();
        var (top, step) = Axis(counts.Select(c => c.Count).DefaultIfEmpty(0).Max());
        var ticks = Enumerable.Range(0, top / step + 1).Select(i => i * step).ToList();
        var group = (PlotRight - PlotLeft) / Math.Max(1, counts.Count);
        var width = Math.Min(48, group * 0.6);
        var chart = new DeskMonthChart(top, ticks, [], "");
        var bars = counts.Select((c, i) =>
        {
            var centre = PlotLeft + group * i + group / 2;
            var y = chart.YOf(c.Count);
            return new MonthBar(c.Month, c.Count, centre - width / 2, y, width, PlotBottom - y, centre);
        }).ToList();
        var description = string.Join(" ", counts.Select(c => $"{DeskWording.Month(c.Month)} : {DeskWording.Requests(c.Count)}."));
        return new DeskMonthChart(top, ticks, bars, description);
    }

    /// <summary>The top of the axis and its step: 1, 2 or 5 times a power of ten, four steps or so.</summary>
    private static (int Top, int Step) Axis(int highest)
    {
        if (highest <= 0) return (4, 1);
        var rough = highest / 4.0;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (int)Math.Max(1, new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough));
        return ((highest + step - 1) / step * step, step);
    }

    /// <summary>A coordinate as SVG writes it, whatever the culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

public sealed record MonthBar(string Month, int Count, double X, double Y, double Width, double Height, double Centre);

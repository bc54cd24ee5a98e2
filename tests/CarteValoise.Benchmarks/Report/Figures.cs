using System.Globalization;

namespace CarteValoise.Benchmarks.Report;

/// <summary>
/// The run's figures in the order measured, printed at the end as a table for people and as
/// `BENCH key=value` lines for scripts. Targets are printed beside the figures, never asserted.
/// </summary>
public sealed class Figures
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  {figure.Label}: {Format(figure.Value)} {figure.Unit}{(figure.Note.Length > 0 ? $" ({figure.Note})" : "")}");
    }

    /// <summary>Why a part did not run, or what a reader of the figures must know.</summary>
    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public double Value(string key) => _figures.FirstOrDefault(f => f.Key == key)?.Value ?? double.NaN;

    public void Print(TextWriter output)
    {
        var rows = _figures.Select(f => (f.Label, Value: $"{Format(f.Value)} {f.Unit}".Trim(), f.Target)).ToList();
        var labelWidth = Math.Max("figure".Length, rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max());
        var valueWidth = Math.Max("value".Length, rows.Select(r => r.Value.Length).DefaultIfEmpty(0).Max());
        output.WriteLine();
        output.WriteLine($"| {"figure".PadRight(labelWidth)} | {"value".PadLeft(valueWidth)} | target");
        output.WriteLine($"|{new string('-', labelWidth + 2)}|{new string('-', valueWidth + 2)}|-------");
        foreach (var (label, value, target) in rows)
            output.WriteLine($"| {label.PadRight(labelWidth)} | {value.PadLeft(valueWidth)} | {target}");
        output.WriteLine();
        foreach (var figure in _figures)
            output.WriteLine($"BENCH {figure.Key}={(figure.Measured ? figure.Value.ToString("0.###", CultureInfo.InvariantCulture) : "NA")}");
        foreach (var note in _notes) output.WriteLine($"NOTE {note}");
    }

    public static string Format(double value) => double.IsNaN(value)
        ? "n/a"
        : Math.Abs(value) >= 100
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
}

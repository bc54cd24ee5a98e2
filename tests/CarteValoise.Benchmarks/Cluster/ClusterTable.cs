using System.Globalization;
using CarteValoise.Benchmarks.Report;

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// The figures of every setup side by side, one column each, in the order of the rows given; a
/// row nobody measured is left out, a setup without a figure shows n/a. Printed at the end for
/// people, with `BENCH cluster_&lt;setup&gt;_&lt;key&gt;=value` lines for scripts.
/// </summary>
public sealed class ClusterTable(IReadOnlyList<ClusterSetup> setups, IReadOnlyList<ClusterTable.Row> rows)
{
    public sealed record Row(string Key, string Label, string Unit, string Target = "");

    private readonly Dictionary<(string Setup, string Key), double> _values = [];
    private readonly List<string> _notes = [];

    public void Add(ClusterSetup setup, string key, double value)
    {
        var row = rows.FirstOrDefault(r => r.Key == key) ?? throw new ArgumentException($"No row {key}.", nameof(key));
        _values[(setup.Key, key)] = value;
        Console.WriteLine($"  [{setup.Title}] {row.Label}: {Figures.Format(value)} {row.Unit}");
    }

    public double Value(ClusterSetup setup, string key) => _values.GetValueOrDefault((setup.Key, key), double.NaN);

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public void Print(TextWriter output)
    {
        var shown = rows.Where(row => setups.Any(setup => _values.ContainsKey((setup.Key, row.Key)))).ToList();
        var cells = shown.Select(row => setups.Select(setup => Cell(Value(setup, row.Key), row.Unit)).ToList()).ToList();
        var labelWidth = Math.Max("figure".Length, shown.Select(r => r.Label.Length).DefaultIfEmpty(0).Max());
        var widths = setups.Select((setup, i) => Math.Max(setup.Title.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToList();

        output.WriteLine();
        output.WriteLine($"| {"figure".PadRight(labelWidth)} | {string.Join(" | ", setups.Select((s, i) => s.Title.PadLeft(widths[i])))} | target");
        output.WriteLine($"|{new string('-', labelWidth + 2)}|{string.Join("|", widths.Select(w => new string('-', w + 2)))}|-------");
        for (var r = 0; r < shown.Count; r++)
            output.WriteLine($"| {shown[r].Label.PadRight(labelWidth)} | {string.Join(" | ", cells[r].Select((cell, i) => cell.PadLeft(widths[i])))} | {shown[r].Target}");
        output.WriteLine();
        foreach (var row in shown)
            foreach (var setup in setups)
            {
                var value = Value(setup, row.Key);
                output.WriteLine($"BENCH cluster_{setup.Key}_{row.Key}={(double.IsNaN(value) ? "NA" : value.ToString("0.###", CultureInfo.InvariantCulture))}");
            }
        foreach (var note in _notes) output.WriteLine($"NOTE {note}");
    }

    private static string Cell(double value, string unit) => double.IsNaN(value) ? "n/a" : $"{Figures.Format(value)} {unit}".Trim();
}

namespace CarteValoise.Benchmarks.Report;

/// <summary>
/// One measured figure: a stable key for the plain line scripts read, a label for the table, the
/// value (NaN when the part could not run) and, where the issue sets one, the target beside it.
/// </summary>
public sealed record Figure(string Key, string Label, double Value, string Unit, string Target = "", string Note = "")
{
    public bool Measured => !double.IsNaN(Value);
}

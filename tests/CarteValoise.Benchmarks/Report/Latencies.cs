namespace CarteValoise.Benchmarks.Report;

/// <summary>Every latency of a run, kept whole so percentiles are exact rather than bucketed.</summary>
public sealed class Latencies
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];

    public void Add(TimeSpan latency)
    {
        lock (_gate) _milliseconds.Add(latency.TotalMilliseconds);
    }

    public int Count
    {
        get { lock (_gate) return _milliseconds.Count; }
    }

    /// <summary>Nearest-rank percentile in milliseconds, or NaN when nothing was measured.</summary>
    public double Percentile(double percent)
    {
        double[] sorted;
        lock (_gate) sorted = [.. _milliseconds];
        if (sorted.Length == 0) return double.NaN;
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

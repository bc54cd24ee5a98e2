namespace CarteValoise.Edge.Simulation;

/// <summary>Nearest-rank percentiles of a set of measures.</summary>
public static class Percentiles
{
    /// <param name="sorted">Ascending; empty gives 0.</param>
    /// <param name="percent">0 to 100.</param>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

namespace CarteValoise.Domain.Demarches;

/// <summary>Median and percentiles of processing times (nearest rank, as the benchmarks read latencies).</summary>
public static class ProcessingTimes
{
    /// <param name="sortedValues">Ascending.</param>
    /// <param name="percentile">From 0 to 100: 50 for the median, 90 for the 90th percentile.</param>
    /// <returns>The smallest value at or above which <paramref name="percentile"/> % of the values lie; 0 without any.</returns>
    public static double Percentile(IReadOnlyList<double> sortedValues, double percentile)
    {
        if (sortedValues.Count == 0) return 0;
        var rank = (int)Math.Ceiling(percentile / 100 * sortedValues.Count);
        return sortedValues[Math.Clamp(rank - 1, 0, sortedValues.Count - 1)];
    }
}

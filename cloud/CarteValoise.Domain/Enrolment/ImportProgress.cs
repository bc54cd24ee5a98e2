namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// How far the reading of a file is, for a progress bar: rows read, and bytes read out of the
/// total when the file's length is known (null otherwise, and for text handed in as a reader).
/// </summary>
public sealed record ImportProgress(int RowsRead, long? BytesRead, long? TotalBytes)
{
    /// <summary>From 0 to 1 when the total is known.</summary>
    public double? Fraction => BytesRead is { } read && TotalBytes is { } total && total > 0 ? Math.Min(1, (double)read / total) : null;
}

namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// What the import needs from the commune and the clock: how to find a school from what the file
/// writes (an id or a name; null when the commune has no such school), and today's date in Paris
/// (from the caller's TimeProvider) to refuse a justificatif or a birth dated in the future.
/// </summary>
public sealed record FamilyImportOptions(Func<string, string?> ResolveSchool, DateOnly Today)
{
    /// <summary>The file's length when the stream cannot tell it (an upload read as it arrives).</summary>
    public long? TotalBytes { get; init; }

    /// <summary>How many errors and how many warnings the preview lists; the totals count them all.</summary>
    public int MaxMessages { get; init; } = 1000;

    /// <summary>Rows between two progress reports.</summary>
    public int ProgressEvery { get; init; } = 500;
}

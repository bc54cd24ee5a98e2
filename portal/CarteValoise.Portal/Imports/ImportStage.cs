using CarteValoise.Contracts.Enrolment;

namespace CarteValoise.Portal.Imports;

/// <summary>Where a families import stands.</summary>
public enum ImportStage
{
    /// <summary>The file is being sent to the cloud, which reads and checks it.</summary>
    Reading,
    /// <summary>The preview is ready; the agent decides.</summary>
    Previewed,
    /// <summary>The families of the preview are being enrolled.</summary>
    Applying,
    Applied,
    Failed,
}

/// <summary>
/// What the job page shows of an import at one moment: replaced whole at each change, so that a page
/// never reads half of an update.
/// </summary>
public sealed record ImportSnapshot(
    ImportStage Stage,
    long BytesRead,
    long TotalBytes,
    int RowsRead,
    int FamiliesDone,
    int FamiliesTotal,
    ImportPreviewResult? Preview,
    ImportApplied? Applied,
    IReadOnlyList<string> Failure,
    DateTimeOffset ChangedAt)
{
    public bool IsRunning => Stage is ImportStage.Reading or ImportStage.Applying;

    /// <summary>0 to 100, for the progress bar; null while nothing tells how far along it is.</summary>
    public int? Percent => Stage switch
    {
        ImportStage.Reading when TotalBytes > 0 => (int)Math.Clamp(BytesRead * 100 / TotalBytes, 0, 100),
        ImportStage.Applying when FamiliesTotal > 0 => Math.Clamp(FamiliesDone * 100 / FamiliesTotal, 0, 100),
        ImportStage.Previewed or ImportStage.Applied => 100,
        _ => null,
    };
}

using Orleans.Storage;

namespace CarteValoise.Cloud.Storage;

/// <summary>Where a LiteDB grain storage keeps its file, and how it groups writes.</summary>
public sealed class LiteDbGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The LiteDB file; it and its folder are created when missing. Its log sits beside it as <c>&lt;name&gt;-log&lt;ext&gt;</c>.</summary>
    public string FilePath { get; set; } = "";

    /// <summary>At most this many writes share one commit and one fsync.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// While writes keep coming concurrently, how long the writer waits for more before committing.
    /// A lone write on a quiet silo never waits.
    /// </summary>
    public TimeSpan GroupCommitWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Turns grain state into bytes. Left unset, Orleans fills it in: a serializer registered under
    /// this storage's name, or else the silo's default (Newtonsoft JSON in Orleans 10).
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}

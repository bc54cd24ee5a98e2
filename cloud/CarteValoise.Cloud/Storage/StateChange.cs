namespace CarteValoise.Cloud.Storage;

/// <summary>
/// One write or clear waiting for the writer. Its task ends once the change is on stable storage,
/// with the new ETag, or with <see cref="Orleans.Storage.InconsistentStateException"/>.
/// </summary>
internal sealed class StateChange(string key, string? expectedEtag, byte[]? data)
{
    public string Key { get; } = key;

    /// <summary>The ETag the grain last saw; null when it believes there is no record.</summary>
    public string? ExpectedEtag { get; } = expectedEtag;

    /// <summary>The serialized state, or null to clear it.</summary>
    public byte[]? Data { get; } = data;

    public bool IsClear => Data is null;

    // Continuations run off the writer thread: a grain resuming must never hold up the next commit.
    public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace CarteValoise.Edge.Storage;

/// <summary>
/// A file whose Flush really reaches the disk (fsync), and whose truncation does too.
///
/// Why: LiteDB 5.0.21 writes a commit's pages to its log file (DiskService.WriteLogDisk) and
/// never flushes them — not even at commit; only a checkpoint fsyncs the data file, and only for
/// a FileStream it opened itself (StreamExtensions.FlushToDisk checks `is FileStream`). Given our
/// own streams (LiteDatabase(dataStream, mapper, logStream)), LiteDB wraps them in a
/// ConcurrentStream whose Flush calls ours, so its own flush points (new file, checkpoint) become
/// real fsyncs, and <see cref="BoxStore"/> calls Flush on the log after every group commit: a
/// write is reported done only once its pages are on the disk, not in the page cache.
/// Unbuffered (bufferSize 0): LiteDB writes whole pages, and no byte may wait in user space.
/// </summary>
public sealed class DurableFileStream(string path, FileMode mode, FileShare share)
    : FileStream(path, mode, FileAccess.ReadWrite, share, bufferSize: 0, FileOptions.RandomAccess)
{
    public override void Flush() => Flush(flushToDisk: true);

    // A checkpoint empties the log by truncating it; make that stick before new pages land at 0,
    // so a power cut cannot leave old, already-applied transactions behind newer ones.
    public override void SetLength(long value)
    {
        base.SetLength(value);
        Flush(flushToDisk: true);
    }
}

namespace CarteValoise.Benchmarks.Storage;

/// <summary>
/// A file whose Flush reaches the disk (fsync). LiteDB 5.0.21 does not flush its log at commit;
/// given this stream it calls our Flush at its own flush points, and the benchmark calls it after
/// every commit — the same discipline as the box's and the silo's stores, kept here on its own so
/// that the ceiling does not depend on the code it bounds.
/// </summary>
public sealed class FsyncedFileStream(string path)
    : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess)
{
    public override void Flush() => Flush(flushToDisk: true);
}

namespace CarteValoise.Cloud.Storage;

/// <summary>
/// A file that LiteDB reads and writes like any stream, but whose <see cref="Flush"/> and
/// <see cref="SetLength"/> reach stable storage before they return.
/// </summary>
/// <remarks>
/// LiteDB asks for durability by calling <c>Flush()</c> on a stream it did not open itself (its
/// <c>FlushToDisk</c> only fsyncs a bare <see cref="FileStream"/>, and it wraps ours), so
/// <c>Flush()</c> here is an fsync: the checkpoint's copy into the data file becomes durable
/// before LiteDB truncates the log. The truncation itself is made durable too, because a log whose
/// shortening is lost in a power cut would come back holding stale confirmed pages next to new ones
/// that reuse the same transaction ids. The stream has no buffer of its own: every page LiteDB
/// writes goes straight to the kernel, and an fsync covers all of them.
/// </remarks>
internal sealed class DurableFileStream : Stream
{
    private readonly FileStream _file;
    private long _syncs;
    private int _disposed;

    private DurableFileStream(FileStream file) => _file = file;

    /// <summary>How many times this file was forced to stable storage.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    public string Path => _file.Name;

    /// <summary>
    /// Opens (or creates) the file for this process alone: a second silo pointed at the same file
    /// fails here instead of corrupting it.
    /// </summary>
    public static DurableFileStream Open(string path, out bool created)
    {
        created = !File.Exists(path);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.RandomAccess);
            return new DurableFileStream(file);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new IOException($"Le fichier « {path} » est déjà ouvert par un autre processus (un autre silo ?) : une base LiteDB n'a qu'un seul écrivain.", e);
        }
    }

    /// <summary>
    /// A file to force to stable storage before this one, every time: the log, for the data file.
    /// LiteDB 5.0.21 may checkpoint inside a commit, before the writer has fsynced that commit's log
    /// pages; the checkpoint copies them into the data file and fsyncs it. A power cut then would leave
    /// a data file ahead of its durable log, and the older log replayed over newer pages at reopening
    /// corrupts the file (the reader box's power-cut test found it). With the log first, the log
    /// replayed is always the whole one.
    /// </summary>
    public DurableFileStream? SyncedBefore { get; set; }

    /// <summary>Forces everything written so far to stable storage.</summary>
    public void Sync()
    {
        SyncedBefore?.Sync();
        // No lock against LiteDB's readers: fsync does not move the file position they rely on.
        _file.Flush(flushToDisk: true);
        Interlocked.Increment(ref _syncs);
    }

    public override void Flush() => Sync();

    public override void SetLength(long value)
    {
        _file.SetLength(value);
        Sync();
    }

    public override bool CanRead => _file.CanRead;
    public override bool CanSeek => _file.CanSeek;
    public override bool CanWrite => _file.CanWrite;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);
    public override int Read(Span<byte> buffer) => _file.Read(buffer);
    public override void Write(byte[] buffer, int offset, int count) => _file.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => _file.Write(buffer);
    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);

    protected override void Dispose(bool disposing)
    {
        // LiteDB may dispose this stream through its own wrapper after a fatal error, and we dispose it
        // again on close: the second time must be harmless.
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                if (_file.CanWrite) _file.Flush(flushToDisk: true);
            }
            finally
            {
                _file.Dispose();
            }
        }
        base.Dispose(disposing);
    }
}

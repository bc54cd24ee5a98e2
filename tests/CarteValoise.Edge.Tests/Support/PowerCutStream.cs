namespace CarteValoise.Edge.Tests.Support;

/// <summary>
/// A file as a power cut sees it: writes land in the page cache (<see cref="Live"/>), and only a
/// Flush (our fsync) makes them durable. <see cref="DurableImage"/> is what the disk would hold
/// if the power went off now. <see cref="PowerCutDisk"/> cuts at a chosen operation instead.
/// </summary>
public sealed class PowerCutStream : Stream
{
    private readonly MemoryStream _live = new();
    private byte[] _durable = [];

    public int Flushes { get; private set; }

    public byte[] DurableImage
    {
        get { lock (this) return _durable.ToArray(); }
    }

    public bool HasUnflushedWrites
    {
        get { lock (this) return !_live.ToArray().AsSpan().SequenceEqual(_durable); }
    }

    public override void Flush()
    {
        lock (this)
        {
            _durable = _live.ToArray();
            Flushes++;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _live.Length;
    public override long Position { get => _live.Position; set => _live.Position = value; }
    public override int Read(byte[] buffer, int offset, int count) => _live.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => _live.Seek(offset, origin);
    public override void SetLength(long value) => _live.SetLength(value);
    public override void Write(byte[] buffer, int offset, int count) => _live.Write(buffer, offset, count);

    /// <summary>A fresh stream holding what survived the cut, to reopen the store on.</summary>
    public static MemoryStream Reopen(byte[] image)
    {
        var stream = new MemoryStream();
        stream.Write(image);
        stream.Position = 0;
        return stream;
    }
}

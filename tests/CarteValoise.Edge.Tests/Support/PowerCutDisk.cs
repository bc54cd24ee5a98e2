namespace CarteValoise.Edge.Tests.Support;

/// <summary>
/// A disk whose power goes off after a given number of operations (writes, flushes, truncations,
/// counted over every file on it). Until then a file behaves like the box's DurableFileStream: a
/// write lands in the page cache, a flush makes the file durable as it stands, a truncation is
/// flushed at once. From the cut on, the process goes on unaware (its writes still land in the
/// page cache) but nothing more reaches the disk: <see cref="PowerCutFile.DurableImage"/> is what
/// a reboot would find, <see cref="PowerCutFile.CacheImageAtCut"/> what it would find had every
/// write made it after all. <see cref="PowerWentOff"/> runs at the cut, on the writing thread,
/// before the operation that did not happen — to note what the box had shown by then.
/// </summary>
public sealed class PowerCutDisk(int cutAfter)
{
    private readonly Lock _gate = new();
    private readonly List<PowerCutFile> _files = [];
    private int _operations;

    public int Operations { get { lock (_gate) return _operations; } }

    public bool IsOff { get; private set; }

    public Action? PowerWentOff { get; set; }

    public PowerCutFile NewFile()
    {
        var file = new PowerCutFile(this);
        lock (_gate) _files.Add(file);
        return file;
    }

    /// <summary>Counts one operation; false when the power is off for it.</summary>
    internal bool Operate()
    {
        bool justCut;
        lock (_gate)
        {
            _operations++;
            if (IsOff) return false;
            if (_operations <= cutAfter) return true;
            IsOff = true;
            justCut = true;
            foreach (var file in _files) file.FreezeCache();
        }
        if (justCut) PowerWentOff?.Invoke();
        return false;
    }
}

public sealed class PowerCutFile(PowerCutDisk disk) : Stream
{
    private readonly MemoryStream _cache = new();
    private byte[] _durable = [];
    private byte[]? _cacheAtCut;

    public byte[] DurableImage
    {
        get { lock (this) return _durable.ToArray(); }
    }

    public byte[] CacheImageAtCut
    {
        get { lock (this) return (_cacheAtCut ?? _cache.ToArray()).ToArray(); }
    }

    internal void FreezeCache()
    {
        lock (this) _cacheAtCut = _cache.ToArray();
    }

    public override void Flush()
    {
        if (!disk.Operate()) return;
        lock (this) _durable = _cache.ToArray();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        disk.Operate();
        lock (this) _cache.Write(buffer, offset, count);
    }

    public override void SetLength(long value)
    {
        lock (this) _cache.SetLength(value);
        Flush();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        lock (this) return _cache.Read(buffer, offset, count);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        lock (this) return _cache.Seek(offset, origin);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length { get { lock (this) return _cache.Length; } }
    public override long Position
    {
        get { lock (this) return _cache.Position; }
        set { lock (this) _cache.Position = value; }
    }

    /// <summary>A file holding <paramref name="image"/>, as found after the reboot.</summary>
    public static MemoryStream Reopen(byte[] image)
    {
        var stream = new MemoryStream();
        stream.Write(image);
        stream.Position = 0;
        return stream;
    }
}

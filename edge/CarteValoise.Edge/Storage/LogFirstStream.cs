namespace CarteValoise.Edge.Storage;

/// <summary>
/// The data file as LiteDB sees it: every flush of the data file flushes the log first.
///
/// Why: LiteDB 5.0.21 may checkpoint inside a commit (when the log has grown past its checkpoint
/// size) — before <see cref="BoxStore"/> has fsynced the log pages of that very commit. The
/// checkpoint copies the log into the data file, fsyncs the data file, then truncates the log. A
/// power cut between the two leaves a data file that already holds the last commit next to a
/// durable log that stops short of it; at reopening LiteDB replays that older log over newer
/// pages and the file is corrupt ("stored slot must be same as called" — found by the power-cut
/// test). With the log on disk before the data file, the log replayed is always the whole one.
/// </summary>
internal sealed class LogFirstStream(Stream data, Stream log) : Stream
{
    public override void Flush()
    {
        log.Flush();
        data.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => data.Read(buffer, offset, count);
    public override void Write(byte[] buffer, int offset, int count) => data.Write(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => data.Seek(offset, origin);
    public override void SetLength(long value) => data.SetLength(value);
    public override bool CanRead => data.CanRead;
    public override bool CanSeek => data.CanSeek;
    public override bool CanWrite => data.CanWrite;
    public override long Length => data.Length;
    public override long Position { get => data.Position; set => data.Position = value; }

    // The store owns and closes both files.
    protected override void Dispose(bool disposing)
    {
    }
}

namespace CarteValoise.Edge.Taps;

/// <summary>How the reader is doing, for the heartbeat: last read and a short status.</summary>
public sealed class ReaderHealth
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastReadAt;
    private string _status = "démarrage";

    public DateTimeOffset? LastReadAt { get { lock (_gate) return _lastReadAt; } }
    public string Status { get { lock (_gate) return _status; } }

    public void Read(DateTimeOffset at)
    {
        lock (_gate) _lastReadAt = at;
    }

    public void Report(string status)
    {
        lock (_gate) _status = status;
    }
}

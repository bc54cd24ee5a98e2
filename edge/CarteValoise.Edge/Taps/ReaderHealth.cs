using CarteValoise.Readers;

namespace CarteValoise.Edge.Taps;

/// <summary>
/// How the reader is doing, for the heartbeat and /Admin: its last read, and a short status in
/// French — "en service (lecteur MFRC522 …)", "démarrage (…)" or "en panne (…) : what failed".
/// The hardware readers retry by themselves and say how they are (<see cref="ICardReader.Status"/>);
/// a reader that stopped altogether is reported by the <see cref="ReaderLoop"/>.
/// </summary>
public sealed class ReaderHealth
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastReadAt;
    private ICardReader? _reader;
    private string? _failure;

    public DateTimeOffset? LastReadAt { get { lock (_gate) return _lastReadAt; } }

    public string Status
    {
        get
        {
            ICardReader? reader;
            string? failure;
            lock (_gate) (reader, failure) = (_reader, _failure);
            if (reader is null) return "démarrage";
            if (failure is not null) return $"en panne ({reader.Name}) : {failure}";
            var own = reader.Status;
            if (own.StartsWith(ReaderStatus.ErrorPrefix, StringComparison.Ordinal)) return $"en panne ({reader.Name}) : {own[ReaderStatus.ErrorPrefix.Length..]}";
            return own == ReaderStatus.Starting ? $"démarrage ({reader.Name})" : $"en service ({reader.Name})";
        }
    }

    public void Read(DateTimeOffset at)
    {
        lock (_gate) _lastReadAt = at;
    }

    /// <summary>The reader is (again) being read.</summary>
    public void Reading(ICardReader reader)
    {
        lock (_gate) (_reader, _failure) = (reader, null);
    }

    /// <summary>The reader stopped; the loop will try it again.</summary>
    public void Failed(ICardReader reader, string reason)
    {
        lock (_gate) (_reader, _failure) = (reader, reason);
    }
}

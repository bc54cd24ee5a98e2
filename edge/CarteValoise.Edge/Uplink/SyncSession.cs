using CarteValoise.Edge.Common;

namespace CarteValoise.Edge.Uplink;

/// <summary>
/// What one connection to the cloud has sent and had acknowledged. A new connection starts from
/// nothing, so everything still in the outbox is sent again: the cloud drops what it already has.
/// </summary>
internal sealed class SyncSession
{
    private readonly Lock _gate = new();
    private long _sentThrough;
    private long _firstSent;
    private long _ackedThrough;
    private bool _heard;
    private long _rosterBase;

    /// <summary>Raised on every ack, so a sender waiting for room sends again.</summary>
    public Signal Acknowledged { get; } = new();

    public long SentThrough { get { lock (_gate) return _sentThrough; } }

    /// <summary>
    /// The roster version the cloud's next partial update is made for: the one announced in Hello,
    /// then each one applied on this connection.
    /// </summary>
    public long RosterBase
    {
        get { lock (_gate) return _rosterBase; }
        set { lock (_gate) _rosterBase = value; }
    }

    /// <summary>Whether the cloud said anything on this connection (then it was a good one: reset the backoff).</summary>
    public bool Heard { get { lock (_gate) return _heard; } }

    public void MarkHeard()
    {
        lock (_gate) _heard = true;
    }

    public void Sent(long first, long last)
    {
        lock (_gate)
        {
            if (_firstSent == 0) _firstSent = first;
            _sentThrough = last;
        }
    }

    /// <summary>Taps sent on this connection and not yet acknowledged (sequences in the outbox are contiguous).</summary>
    public long Unacknowledged
    {
        get
        {
            lock (_gate)
            {
                if (_firstSent == 0) return 0;
                return Math.Max(0, _sentThrough - Math.Max(_ackedThrough, _firstSent - 1));
            }
        }
    }

    public void Acked(long through)
    {
        lock (_gate) _ackedThrough = Math.Max(_ackedThrough, through);
        Acknowledged.Raise();
    }
}

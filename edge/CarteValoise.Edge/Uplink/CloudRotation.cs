using System.Globalization;

namespace CarteValoise.Edge.Uplink;

/// <summary>
/// Which of the cloud's addresses the box tries next, and how long it waits first. After a break
/// it moves to the next address at once: a dead silo costs one failed connection, not a backoff.
/// The backoff is waited once every address has been tried since the last wait — per round, not
/// per address — so a cluster that is wholly down is not hammered, and a single address behaves as
/// before (a wait after every failure, doubling while the cloud says nothing).
/// </summary>
internal sealed class CloudRotation
{
    private readonly IReadOnlyList<string> _addresses;
    private readonly Backoff _backoff;
    private int _index;
    private int _triedSinceWait;
    private bool _heardThisRound;
    private int _silentRounds;

    public CloudRotation(IReadOnlyList<string> addresses, Backoff backoff)
    {
        if (addresses.Count == 0) throw new ArgumentException("Au moins une adresse du cloud.", nameof(addresses));
        (_addresses, _backoff) = (addresses, backoff);
    }

    public string Current => _addresses[_index];

    public int Count => _addresses.Count;

    /// <summary>The session on <see cref="Current"/> ended; the rotation moves to the next address.</summary>
    /// <param name="heard">The cloud said something on it.</param>
    /// <param name="lasted">
    /// It stayed up longer than the longest backoff: that silo was healthy, so its loss starts a
    /// fresh round. Connections that a sick cluster accepts and drops at once never do, and keep
    /// the wait between rounds.
    /// </param>
    /// <returns>How long to wait before trying <see cref="Current"/>: zero within a round.</returns>
    public TimeSpan AfterBreak(bool heard, bool lasted)
    {
        if (lasted) (_triedSinceWait, _heardThisRound) = (0, false);
        _index = (_index + 1) % _addresses.Count;
        _triedSinceWait++;
        _heardThisRound |= heard;
        if (_triedSinceWait < _addresses.Count) return TimeSpan.Zero;
        _silentRounds = _heardThisRound ? 1 : _silentRounds + 1;
        (_triedSinceWait, _heardThisRound) = (0, false);
        return _backoff.AfterFailures(_silentRounds);
    }

    /// <summary>
    /// The cloud refused the box's credentials. Every silo reads the same enrolment, so asking the
    /// next one at once would only be refused again: the long wait, then the next address.
    /// </summary>
    public TimeSpan AfterRefusal()
    {
        _index = (_index + 1) % _addresses.Count;
        (_triedSinceWait, _heardThisRound, _silentRounds) = (0, false, 0);
        return _backoff.AfterRefusal();
    }

    /// <summary>What the box does next, for the log: « nouvel essai dans 1,0 s », or the address it moves to.</summary>
    public string NextStep(TimeSpan delay)
    {
        var seconds = delay.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (_addresses.Count == 1) return $"nouvel essai dans {seconds} s";
        return delay == TimeSpan.Zero ? $"bascule tout de suite sur {Current}" : $"nouvel essai avec {Current} dans {seconds} s";
    }
}

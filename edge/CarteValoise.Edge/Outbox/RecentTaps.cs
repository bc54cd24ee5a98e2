using System.Collections.Concurrent;

namespace CarteValoise.Edge.Outbox;

/// <summary>
/// The taps written lately and not yet acknowledged, kept in memory as well as on disk, so that
/// the uplink sends a busy box's new taps without reading them back from the SD card. Only taps
/// already durable are put here; the disk stays the truth, and anything missing here (after a
/// restart, beyond the bound, or not yet noted) is read from it.
/// </summary>
internal sealed class RecentTaps
{
    /// <summary>Enough for minutes of a busy canteen; a longer backlog is read from disk, a page at a time.</summary>
    private const int Bound = 20_000;

    private readonly ConcurrentDictionary<long, OutboxTap> _taps = new();
    private long _forgottenThrough;

    public void Note(OutboxTap tap)
    {
        if (_taps.Count >= Bound || tap.Sequence <= Interlocked.Read(ref _forgottenThrough)) return;
        _taps[tap.Sequence] = tap;
    }

    /// <summary>The taps after <paramref name="afterSequence"/> held here without a gap, at most <paramref name="max"/>; empty when the next one is not here.</summary>
    public List<OutboxTap> After(long afterSequence, int max)
    {
        var found = new List<OutboxTap>();
        for (var sequence = afterSequence + 1; found.Count < max && _taps.TryGetValue(sequence, out var tap); sequence++) found.Add(tap);
        return found;
    }

    public void ForgetThrough(long sequence)
    {
        var from = Interlocked.Exchange(ref _forgottenThrough, Math.Max(sequence, Interlocked.Read(ref _forgottenThrough)));
        if (sequence <= from) return;
        // Keys are contiguous in practice; sweep only when the gap is large (a first ack after a restart).
        if (sequence - from <= 4 * Bound)
        {
            for (var s = from + 1; s <= sequence; s++) _taps.TryRemove(s, out _);
            return;
        }
        foreach (var key in _taps.Keys.Where(k => k <= sequence)) _taps.TryRemove(key, out _);
    }
}

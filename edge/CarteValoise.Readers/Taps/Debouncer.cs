namespace CarteValoise.Readers.Taps;

/// <summary>
/// A card left on the reader, or tapped again within the window, is one tap. The window slides:
/// every read of the same card pushes it further, so a card lying on the reader for a minute
/// while the reader keeps reporting it still counts once. Time is the read's own timestamp, so
/// the rule does not depend on when the box gets round to it.
/// Not thread-safe: one reader, one debouncer.
/// </summary>
public sealed class Debouncer(TimeSpan window)
{
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private DateTimeOffset _lastPruned = DateTimeOffset.MinValue;

    public TimeSpan Window { get; } = window;

    /// <summary>True when this read is a new tap; false when it repeats the previous one.</summary>
    public bool IsNewTap(string cardUid, DateTimeOffset readAt)
    {
        var isNew = !_lastSeen.TryGetValue(cardUid, out var previous) || readAt - previous >= Window || readAt < previous;
        _lastSeen[cardUid] = readAt;
        Prune(readAt);
        return isNew;
    }

    // A school sees hundreds of cards a day: forget the ones whose window has long closed.
    private void Prune(DateTimeOffset now)
    {
        if (now - _lastPruned < Window + Window) return;
        _lastPruned = now;
        foreach (var (uid, seen) in _lastSeen)
            if (now - seen >= Window) _lastSeen.Remove(uid);
    }
}

namespace CarteValoise.Readers.Polling;

/// <summary>
/// How long a failed reader waits before trying again: short at first (a loose wire that comes
/// back), then doubling, so a reader that is really gone does not flood the log.
/// </summary>
internal sealed class RetryDelay
{
    private readonly TimeSpan _first;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public RetryDelay(TimeSpan first, TimeSpan max)
    {
        _first = first;
        _max = max;
        _next = first;
    }

    public TimeSpan Next()
    {
        var now = _next;
        _next = _next * 2 > _max ? _max : _next * 2;
        return now;
    }

    public void Reset() => _next = _first;
}

using CarteValoise.Edge.Configuration;

namespace CarteValoise.Edge.Uplink;

/// <summary>
/// How long to wait before reconnecting: doubling from the initial delay up to the maximum, with
/// jitter so that the boxes of a whole département, cut off by the same outage, do not all come
/// back in the same second.
/// </summary>
public sealed class Backoff(UplinkOptions options, Random random)
{
    /// <param name="failures">Consecutive failed attempts, 1 for the first.</param>
    public TimeSpan AfterFailures(int failures)
    {
        var ceiling = Math.Min(options.MaxBackoffSeconds, options.InitialBackoffSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)));
        return Jittered(ceiling);
    }

    /// <summary>After the cloud refused the box's credentials.</summary>
    public TimeSpan AfterRefusal() => Jittered(options.RefusedBackoffSeconds);

    // Between half and all of the ceiling: spread, yet never much shorter than asked.
    private TimeSpan Jittered(double seconds) => TimeSpan.FromSeconds(seconds * (0.5 + random.NextDouble() / 2));
}

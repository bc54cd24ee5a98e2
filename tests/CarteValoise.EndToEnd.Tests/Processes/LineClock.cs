using System.Diagnostics;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>
/// When each standard output line of interest was read from a process (the ACK lines of a box, to
/// measure how long it went without an acknowledgement). It listens from the moment it is made:
/// make it right after the process starts, before the lines it times can be printed.
/// </summary>
public sealed class LineClock
{
    private readonly List<(TimeSpan At, string Line)> seen = [];

    private LineClock()
    {
    }

    /// <summary>Moments are measured from <paramref name="origin"/>, so that clocks of several processes compare.</summary>
    public static LineClock Watch(ProcessLog log, Func<string, bool> matches, Stopwatch origin)
    {
        var watch = new LineClock();
        // A wait that never ends but sees every line as it is read: the log calls the predicate on
        // each new line in order, under its lock, as it appends it. It ends when the process does.
        var listening = log.WaitForLineAsync(line =>
        {
            if (matches(line))
                lock (watch.seen) watch.seen.Add((origin.Elapsed, line));
            return false;
        }, "(timing lines, never satisfied)", TimeSpan.FromHours(2));
        _ = listening.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return watch;
    }

    public IReadOnlyList<(TimeSpan At, string Line)> Seen
    {
        get
        {
            lock (seen) return [.. seen];
        }
    }
}

using System.Diagnostics;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Uplink;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Benchmarks.Box;

/// <summary>
/// (e) A box with a backlog meets its cloud again: the box's own uplink (<see cref="CloudUplink"/>,
/// default batch size and window) sends the whole outbox and deletes on each ack, until the cloud
/// has acknowledged the last tap or the patience runs out. The rate is taps acknowledged per second
/// from the start of the uplink, connection included.
/// </summary>
public static class BacklogDrain
{
    public sealed record Result(double TapsPerSecond, long Acknowledged, long Backlog, double Seconds, bool Complete);

    public static async Task<Result> RunAsync(string directory, BoxOptions box, TimeSpan patience, ILoggerFactory logs)
    {
        using var store = BoxStore.Open(directory, logs.CreateLogger<BoxStore>());
        var outbox = new TapOutbox(store);
        var roster = new RosterCache(store);
        await roster.LoadAsync();
        var backlog = (await outbox.StateAsync()).LastSequence;

        long acknowledged = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var uplink = new CloudUplink(box, outbox, roster, new BoxOutput(TextWriter.Null), new ReaderHealth(), TimeProvider.System, logs.CreateLogger<CloudUplink>());
        // Raised once the acknowledged taps are deleted from the box: drained means gone from the box too.
        uplink.Acknowledged += through =>
        {
            Interlocked.Exchange(ref acknowledged, through);
            if (through >= backlog) done.TrySetResult();
        };
        var started = Stopwatch.GetTimestamp();
        await uplink.StartAsync(CancellationToken.None);
        var complete = await Task.WhenAny(done.Task, Task.Delay(patience)) == done.Task;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10))) await uplink.StopAsync(stopping.Token);
        var drained = Interlocked.Read(ref acknowledged);
        return new Result(drained / seconds, drained, backlog, seconds, complete);
    }
}

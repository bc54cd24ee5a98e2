using System.Diagnostics;
using System.Globalization;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Processes;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// A box tapping its families' cards at a steady rate against the cluster, with the moment each
/// ACK line came, then drained: stopped (SIGKILL, as a power cut) and started again on the same
/// disk with a reader that no longer taps, until it reports an empty outbox.
/// </summary>
public sealed class BoxUnderLoad
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private BoxUnderLoad(ClusterBox spec, EdgeBoxRun run, EdgeBox tapping, LineClock acks)
    {
        Spec = spec;
        Run = run;
        Tapping = tapping;
        Acks = acks;
    }

    public ClusterBox Spec { get; }

    public EdgeBoxRun Run { get; }

    public EdgeBox Tapping { get; }

    public EdgeBox? Drain { get; private set; }

    public LineClock Acks { get; }

    public string BoxId => Spec.Box.BoxId;

    /// <summary>The TAP lines of both runs, in order: the tapping one, then the draining one.</summary>
    public IReadOnlyList<IReadOnlyList<TapLine>> Runs => Drain is null ? [Tapping.Taps] : [Tapping.Taps, Drain.Taps];

    public long LastPrinted => Tapping.Taps.Select(t => t.Sequence).DefaultIfEmpty(0).Max();

    public static async Task<BoxUnderLoad> StartAsync(ClusterFixture cluster, ClusterBox spec, double tapsPerSecond, Stopwatch timeline)
    {
        var run = new EdgeBoxRun(spec.Box, cluster.NewDataDirectory(spec.Box.BoxId), spec.Cards, tapsPerSecond);
        var tapping = await cluster.StartBoxAsync(spec.Box.BoxId, run);
        return new BoxUnderLoad(spec, run, tapping, LineClock.Watch(tapping.Process.Log, line => TapLine.TryParseAck(line) is not null, timeline));
    }

    /// <summary>Until the cloud has acknowledged every tap through this number (a box that stalls fails the wait).</summary>
    public Task WaitForAckAsync(long through, string why) =>
        Tapping.Process.Log.WaitForLineAsync(line => TapLine.TryParseAck(line) >= through, $"\"ACK through=n\" with n >= {through} ({why})", Patience);

    /// <summary>
    /// Stops the tapping run and drains what it holds through a run that taps no more; returns how
    /// the cloud sees the box once a heartbeat of that run says its outbox is empty.
    /// </summary>
    public async Task<BoxStatus> StopAndDrainAsync(ClusterFixture cluster, CloudApi cloud, Metadata agent)
    {
        await Tapping.Process.KillAsync();
        var since = DateTimeOffset.UtcNow;
        Drain = await cluster.StartBoxAsync($"{BoxId} drain", Run with { TapsPerSecond = 0.001 });
        var status = await BoxStatuses.WaitUntilDrainedAsync(cloud, agent, Spec.Commune, BoxId, since);
        await Drain.Process.KillAsync();
        return status;
    }

    /// <summary>One line for the report: "ACK GAP box=… longest=12.34s from=56.7s acks=…", times from the test's start.</summary>
    public string AckGapReport()
    {
        var (gap, from) = LongestAckGap();
        return string.Create(CultureInfo.InvariantCulture,
            $"ACK GAP box={BoxId} longest={gap.TotalSeconds:0.00}s from={from.TotalSeconds:0.0}s acks={Acks.Seen.Count}");
    }

    /// <summary>The longest time between two consecutive ACK lines of the tapping run, and when it began.</summary>
    public (TimeSpan Gap, TimeSpan From) LongestAckGap() => LongestAckGapAround(TimeSpan.Zero, TimeSpan.MaxValue);

    /// <summary>The same, among the gaps that overlap a window of the test (a kill and its recovery).</summary>
    public (TimeSpan Gap, TimeSpan From) LongestAckGapAround(TimeSpan from, TimeSpan to)
    {
        var seen = Acks.Seen;
        var longest = (Gap: TimeSpan.Zero, From: from);
        for (var i = 1; i < seen.Count; i++)
        {
            var (start, end) = (seen[i - 1].At, seen[i].At);
            if (end >= from && start <= to && end - start > longest.Gap) longest = (end - start, start);
        }
        return longest;
    }
}

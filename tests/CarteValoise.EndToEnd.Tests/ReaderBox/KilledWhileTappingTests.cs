using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// A box loses power again and again while children tap (SIGKILL of the edge process: no shutdown
/// hook, no final flush) at random moments while it taps: in a flush, between a tap and its line,
/// while a batch or an ack is on the wire. Once it is left running, every tap it gave feedback for
/// is in the cloud exactly once, and nothing else is. The seed of the moments is in the output.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class KilledWhileTappingTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Kills = 20;
    private const double TapsPerSecond = 8;

    private static readonly int[] Families = [2, 3];

    [Fact]
    public Task A_box_killed_twenty_times_while_tapping_delivers_every_tap_it_printed_exactly_once() => platform.RunAsync(output, async () =>
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"Kill moments drawn with seed {seed}.");
        var box = platform.KillLoopBox;
        var cards = Families.SelectMany(f => new[] { Demo.CergyCard(f, 1), Demo.CergyCard(f, 2) }).ToList();
        var disk = platform.NewDataDirectory("kill-loop-box");
        var tapping = new EdgeBoxRun(box, disk, cards, TapsPerSecond);

        var runs = new List<IReadOnlyList<TapLine>>();
        long lastAck = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            var run = await platform.StartEdgeBoxAsync($"kill-loop run {kill}", tapping);
            await run.WaitForTapCountAsync(1);
            // Anywhere from right after a tap to several taps later: kills land in the middle of a flush,
            // between a tap and its line, between a batch and its ack.
            var moment = TimeSpan.FromMilliseconds(random.Next(0, 1000));
            await Task.Delay(moment);
            await run.Process.KillAsync();
            runs.Add(run.Taps);
            lastAck = Math.Max(lastAck, run.AcknowledgedThrough);
            output.WriteLine($"Run {kill}: killed {moment.TotalMilliseconds:0} ms after its first tap, having printed {run.Taps.Count} taps " +
                $"(seq {run.Taps.Min(t => t.Sequence)}..{run.Taps.Max(t => t.Sequence)}), acknowledged through {run.AcknowledgedThrough}.");
        }
        var printed = runs.SelectMany(run => run).ToList();
        var lastPrinted = printed.Max(t => t.Sequence);

        // Left running, with a reader that no longer taps: what the box still holds drains, and
        // nothing new comes in. Drained is when a heartbeat of this run says its outbox is empty.
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var drainStarted = DateTimeOffset.UtcNow;
        var drain = await platform.StartEdgeBoxAsync("kill-loop drain", tapping with { TapsPerSecond = 0.001 });
        var status = await BoxStatuses.WaitUntilDrainedAsync(cloud, agent, Demo.Cergy, box.BoxId, drainStarted);
        await drain.Process.KillAsync();
        Assert.Empty(drain.Taps);
        Assert.True(status.DurableThroughSequence >= lastPrinted,
            $"The box drained, yet the cloud holds its taps through {status.DurableThroughSequence} only; it printed up to {lastPrinted}.");
        // The outbox is empty and every tap the box ever wrote is durable in the cloud: it deleted nothing
        // the cloud does not have. (Its ACK lines may stop short of that: a box killed between deleting
        // and printing never prints the last one, so they are only checked never to claim more.)
        Assert.Equal(status.LastSequence, status.DurableThroughSequence);
        Assert.True(Math.Max(lastAck, drain.AcknowledgedThrough) <= status.DurableThroughSequence);

        var inCloud = await FamilyTaps.ReadAsync(cloud, agent, Families.Select(Demo.CergyFamilyNumbered), printed.Select(t => t.ReadAt), "test de coupures de la boîte");
        output.WriteLine($"{Kills} kills; the box printed {printed.Count} taps (last seq {lastPrinted}); the cloud holds {inCloud.Count}, durable through {status.DurableThroughSequence}.");
        TapAccounting.AssertCloudHoldsEachTapOnce(runs, inCloud, status.DurableThroughSequence);
    });
}

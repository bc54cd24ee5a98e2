using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// The cloud goes down (SIGKILL of the silo) while children tap: the box keeps deciding and giving
/// feedback from its own disk, the cloud acknowledges nothing while it is away, and once it is back
/// on the same disk and address every tap arrives exactly once and the box's outbox empties. The
/// test runs a cloud of its own, since it kills it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CloudOutageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int TapsWhileCloudIsDown = 15;

    private readonly DemoBox box = DemoBox.ForCergySchool("e2e-outage");

    [Fact]
    public Task Taps_made_while_the_cloud_is_down_arrive_exactly_once_when_it_is_back() => platform.RunAsync(output, async () =>
    {
        var settings = CloudSettings.Fresh(platform.NewDataDirectory("outage-cloud"), [box]);
        var cloudProcess = await platform.StartCloudAsync("own cloud", settings);
        var tapping = new EdgeBoxRun(box, platform.NewDataDirectory("outage-box"), Demo.CergyFamilyCards, TapsPerSecond: 8);
        var run = await platform.StartEdgeBoxAsync("outage box", tapping, settings.Address);
        try
        {
            await run.WaitForTapCountAsync(3);
            await run.WaitForAckAsync(run.Taps.Max(t => t.Sequence));

            await cloudProcess.KillAsync();
            var linesBeforeOutage = run.Process.Log.StandardOutput.Count;
            var lastBeforeOutage = run.Taps.Max(t => t.Sequence);
            // Offline, the box still serves: each tap is on its disk and gets its line.
            await run.WaitForTapAsync(t => t.Sequence >= lastBeforeOutage + TapsWhileCloudIsDown, $"numbered {lastBeforeOutage + TapsWhileCloudIsDown} or more");
            var duringOutage = run.Process.Log.StandardOutput.Skip(linesBeforeOutage).ToList();
            Assert.DoesNotContain(duringOutage, line => TapLine.TryParseAck(line) is not null);

            cloudProcess = await platform.StartCloudAsync("own cloud, restarted", settings);
            var lastBeforeReturn = run.Taps.Max(t => t.Sequence);
            await run.WaitForAckAsync(lastBeforeReturn);
            await run.Process.KillAsync();
            output.WriteLine($"The box printed {run.Taps.Count} taps; {lastBeforeReturn - lastBeforeOutage} of them while the cloud was down; " +
                $"acknowledged through {run.AcknowledgedThrough} when the box was stopped.");

            // The box left with a reader that no longer taps: what it still holds drains, and nothing new comes in.
            using var cloud = new CloudApi(settings.Address);
            var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
            var drainStarted = DateTimeOffset.UtcNow;
            var drain = await platform.StartEdgeBoxAsync("outage box, drain", tapping with { TapsPerSecond = 0.001 }, settings.Address);
            var status = await BoxStatuses.WaitUntilDrainedAsync(cloud, agent, Demo.Cergy, box.BoxId, drainStarted);
            await drain.Process.KillAsync();
            Assert.Empty(drain.Taps);
            Assert.True(status.DurableThroughSequence >= run.Taps.Max(t => t.Sequence),
                $"The box drained, yet the cloud holds its taps through {status.DurableThroughSequence} only; it printed up to {run.Taps.Max(t => t.Sequence)}.");
            // The outbox is empty and every tap the box ever wrote is durable in the cloud: it deleted nothing
            // the cloud does not have. (Its ACK lines may stop short of that: a box killed between deleting
            // and printing never prints the last one, so they are only checked never to claim more.)
            Assert.Equal(status.LastSequence, status.DurableThroughSequence);
            Assert.True(Math.Max(run.AcknowledgedThrough, drain.AcknowledgedThrough) <= status.DurableThroughSequence);

            var inCloud = await FamilyTaps.ReadAsync(cloud, agent, [Demo.CergyFamily], run.Taps.Select(t => t.ReadAt), "test de panne du cloud");
            TapAccounting.AssertCloudHoldsEachTapOnce([run.Taps, drain.Taps], inCloud, status.DurableThroughSequence);
        }
        finally
        {
            // This cloud is the test's own: it must not keep running, nor its box, for the tests after it.
            await run.Process.DisposeAsync();
            await cloudProcess.DisposeAsync();
        }
    });
}

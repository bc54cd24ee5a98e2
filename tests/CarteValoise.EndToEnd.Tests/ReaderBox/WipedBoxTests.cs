using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// A box whose data directory is wiped (SD card replaced, reinstalled) keeps its credential but
/// numbers its taps from 1 again. The cloud must not take those for taps it has already applied:
/// every tap of both runs is in the cloud, once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WipedBoxTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Family = 8; // Cergy, school E2: no other test taps it
    private const int TapsPerRun = 5;

    [Fact]
    public Task Taps_numbered_again_from_1_after_the_box_data_was_wiped_all_count_once() => platform.RunAsync(output, async () =>
    {
        string[] cards = [Demo.CergyCard(Family, 1), Demo.CergyCard(Family, 2)];
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var (first, durableFirst) = await RunUntilAcknowledged("box before the wipe", platform.NewDataDirectory("wiped-box-before"), cards, cloud, agent);
        // Another data directory: as if the old one had been erased.
        var (second, durableSecond) = await RunUntilAcknowledged("box after the wipe", platform.NewDataDirectory("wiped-box-after"), cards, cloud, agent);
        Assert.Equal(1, second.Min(t => t.Sequence));

        var printed = first.Concat(second).ToList();
        var inCloud = await FamilyTaps.ReadAsync(cloud, agent, [Demo.CergyFamilyNumbered(Family)], printed.Select(t => t.ReadAt), "test de boîte effacée");
        output.WriteLine($"Durable through {durableFirst} before the wipe and {durableSecond} after; the cloud holds {inCloud.Count} taps of the family.");
        // Every tap the cloud made durable, in both series, is there once; none of the second series was taken for the first.
        Assert.Equal(durableFirst + durableSecond, inCloud.Count);
        Assert.Equal(inCloud.Count, inCloud.Select(t => t.ReadAt).Distinct().Count());
        Assert.All(printed, tap => Assert.Contains(inCloud, held => held.ReadAt == tap.ReadAt));
    });

    /// <summary>Runs the box until some taps are acknowledged, stops it, and returns those taps and how far the cloud holds this series.</summary>
    private async Task<(IReadOnlyList<TapLine> Acknowledged, long DurableThrough)> RunUntilAcknowledged(
        string name, string dataDirectory, string[] cards, CloudApi cloud, global::Grpc.Core.Metadata agent)
    {
        var box = await platform.StartEdgeBoxAsync(name, new EdgeBoxRun(platform.WipedBox, dataDirectory, cards, TapsPerSecond: 10));
        await box.WaitForTapCountAsync(TapsPerRun);
        await box.WaitForAckAsync(TapsPerRun);
        await box.Process.KillAsync();
        var durable = (await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, platform.WipedBox.BoxId)).DurableThroughSequence;
        return (box.Taps.Where(t => t.Sequence <= box.AcknowledgedThrough).ToList(), durable);
    }
}

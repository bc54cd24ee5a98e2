using System.Globalization;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Tests.Support;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>
/// A week offline in a big school: 200,000 taps wait in the outbox, then the network comes back
/// and the box drains them all through its uplink to a loopback gRPC server that acknowledges.
/// The outbox is bounded by disk, not memory: pending taps are read a batch at a time, and the
/// box never has more than its window unacknowledged. Prints the drain rate.
/// </summary>
[Collection(MeasuredAlone.Name)]
public class BacklogDrainTests(ITestOutputHelper output)
{
    private const int Backlog = 200_000;
    private const int BatchSize = 200;
    private const int Window = 5_000;

    [Fact]
    public async Task A_week_of_taps_written_offline_drains_fully_once_the_network_is_back()
    {
        await using var cloud = await AckingCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address, batchSize: BatchSize, maxUnacknowledged: Window);

        var writing = TimeProvider.System.GetTimestamp();
        for (var first = 0; first < Backlog; first += 1_000)
        {
            var from = first;
            await box.Store.WriteAsync(db =>
            {
                for (var i = from; i < from + 1_000; i++)
                    TapOutbox.Append(db, $"04{i % 5_000:X6}", UplinkHarness.Noon.AddSeconds(i), Decision.Accepted, TapService.Canteen);
                return 0;
            });
        }
        var writeSeconds = TimeProvider.System.GetElapsedTime(writing).TotalSeconds;
        var fileBytes = new FileInfo(Path.Combine(box.Directory, BoxStore.DataFileName)).Length + new FileInfo(Path.Combine(box.Directory, BoxStore.LogFileName)).Length;
        Assert.Equal(new OutboxState(Backlog, UplinkHarness.Noon, Backlog), await box.Outbox.StateAsync());

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long heapPeak = 0;
        var batches = 0;
        cloud.OnBatch = batch =>
        {
            // Every 100 batches: the live managed heap as the drain runs (a backlog held in memory would show here).
            if (Interlocked.Increment(ref batches) % 100 != 0) return;
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            long peak;
            do peak = Interlocked.Read(ref heapPeak);
            while (heap > peak && Interlocked.CompareExchange(ref heapPeak, heap, peak) != peak);
        };
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        box.Uplink.Acknowledged += through =>
        {
            if (through == Backlog) drained.TrySetResult();
        };

        var draining = TimeProvider.System.GetTimestamp();
        await box.StartAsync();
        await drained.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var drainSeconds = TimeProvider.System.GetElapsedTime(draining).TotalSeconds;
        await box.Lines.WaitForAsync($"ACK through={Backlog}");

        Assert.Empty(await box.PendingAsync());
        Assert.Equal(Backlog, cloud.DurableThrough);
        var received = cloud.Connections.SelectMany(c => c).ToList();
        Assert.Equal(Backlog, received.Count); // each tap sent once: no reconnection, no resend
        Assert.Equal(Enumerable.Range(1, Backlog).Select(i => (long)i), received);
        Assert.InRange(cloud.MaxInFlight, 1, Window + BatchSize);
        var heapGrowth = Interlocked.Read(ref heapPeak) - heapBefore;
        // The backlog held as objects would take some 20 MB (200,000 taps at about 100 bytes each); paging takes a few.
        Assert.True(heapGrowth < 16L * 1024 * 1024, $"le tas géré a grandi de {heapGrowth / 1024 / 1024} Mo pendant la vidange");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH drain taps={Backlog} seconds={drainSeconds:0.00} taps_per_s={Backlog / drainSeconds:0} batch={BatchSize} window={Window} "
            + $"heap_before_mb={heapBefore / 1048576.0:0.0} heap_peak_growth_mb={heapGrowth / 1048576.0:0.0} outbox_file_mb={fileBytes / 1048576.0:0.0} "
            + $"offline_write_s={writeSeconds:0.00}"));
    }
}

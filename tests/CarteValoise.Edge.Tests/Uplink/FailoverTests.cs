using System.Net;
using System.Net.Sockets;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Decisions;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>
/// A box given the addresses of several silos (Box:CloudAddress as a list) stays with the cloud
/// when its silo goes away: it moves to the next address at once, sends again whatever was not
/// acknowledged, and nothing is lost or counted twice. The backoffs here are long (30 s and more)
/// on purpose: a box that waited one before trying the next silo would miss every wait below.
/// </summary>
public class FailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static long[] Range(long first, long last) => Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i).ToArray();

    private static RosterDelta Roster() => new()
    {
        Version = 3,
        Full = true,
        SchoolName = "École Jules Ferry",
        ServiceDate = "2025-04-01",
        Upserts = { new RosterEntry { CardUid = "04A1B2C3", ChildId = "child-lea", FirstName = "Léa", CanteenToday = true } },
    };

    [Fact]
    public async Task A_silo_killed_mid_stream_the_box_goes_on_with_the_next_and_every_tap_is_applied_once_and_acknowledged_by_one_silo()
    {
        const int BeforeKill = 400;
        const int AfterKill = 400;
        await using var cloud = await ClusterCloud.StartAsync(silos: 2);
        cloud.Roster = Roster();
        var (first, second) = (cloud.Silos[0], cloud.Silos[1]);
        // The first silo applies everything it receives but acknowledges no further than ~150: the
        // taps it applied after are the ones whose ack a crash loses.
        first.AcknowledgeNoFurtherThan = 150;
        await using var box = new UplinkHarness($"{first.Address}, {second.Address}", batchSize: 50, initialBackoffSeconds: 30, maxBackoffSeconds: 60);
        await box.StartAsync();

        await WriteTapsAsync(box, BeforeKill);
        await box.Lines.WaitForAsync($"UPLINK connected={first.Address}");
        await box.Lines.WaitForAsync("ROSTER version=3 entries=1");
        var acknowledgedByFirst = await first.Silenced.WaitAsync(Patience);
        // The box has deleted what the first silo acknowledged; what it sent after is only on the first silo's side.
        await box.Lines.WaitForAsync($"ACK through={acknowledgedByFirst}");
        await first.KillAsync();
        var receivedByFirst = first.Received;

        var writing = WriteTapsAsync(box, AfterKill);
        await box.Lines.WaitForAsync($"UPLINK connected={second.Address}");
        await writing;
        await box.Lines.WaitForAsync($"ACK through={BeforeKill + AfterKill}");

        Assert.Equal([$"UPLINK connected={first.Address}", $"UPLINK connected={second.Address}"], box.Lines.Lines.Where(l => l.StartsWith("UPLINK ", StringComparison.Ordinal)));
        Assert.Empty(await box.PendingAsync());
        // The first silo received taps in order from the first one and acknowledged a prefix of them;
        // the second received exactly the rest, from the first unacknowledged one: nothing that the
        // box had deleted, nothing missing.
        var lastOnFirst = receivedByFirst[^1];
        Assert.Equal(Range(1, lastOnFirst), receivedByFirst);
        Assert.True(lastOnFirst > acknowledgedByFirst, $"le premier silo n'a rien reçu au-delà de son dernier acquittement ({acknowledgedByFirst})");
        Assert.Equal(Range(acknowledgedByFirst + 1, BeforeKill + AfterKill), second.Received);
        // Each tap acknowledged by exactly one silo: the first through its last ack, the second the rest.
        Assert.Equal(acknowledgedByFirst, first.Acks.Max());
        Assert.True(second.Acks.Min() > acknowledgedByFirst, $"le second silo a acquitté {second.Acks.Min()}, déjà acquitté par le premier ({acknowledgedByFirst})");
        Assert.Equal(BeforeKill + AfterKill, second.Acks.Max());
        // Applied once each, by the silo that received it first; what the second received again was dropped.
        var applied = cloud.AppliedBy;
        Assert.Equal(Range(1, BeforeKill + AfterKill), applied.Keys.Order());
        Assert.All(Range(1, lastOnFirst), s => Assert.Equal(1, applied[s]));
        Assert.All(Range(lastOnFirst + 1, BeforeKill + AfterKill), s => Assert.Equal(2, applied[s]));
        Assert.Equal(lastOnFirst - acknowledgedByFirst, cloud.ResendsDropped);
        // Heartbeat and roster followed the box: it told the second silo the roster version the first gave it.
        Assert.Equal(3, Assert.Single(second.Hellos).RosterVersion);
        Assert.True(second.Heartbeats >= 1, "aucun battement de cœur reçu par le second silo");
        Assert.Contains(box.Log.Entries, e => e.Level == LogLevel.Warning
            && e.Message.StartsWith($"Synchronisation avec le cloud {first.Address} interrompue (", StringComparison.Ordinal)
            && e.Message.EndsWith($" ; bascule tout de suite sur {second.Address}.", StringComparison.Ordinal));
        output.WriteLine($"premier silo : acquitté jusqu'à {acknowledgedByFirst}, reçu jusqu'à {lastOnFirst} ; second : {second.Received.Count} reçus, {cloud.ResendsDropped} déjà appliqués écartés");
    }

    [Fact]
    public async Task A_first_address_where_nobody_listens_sends_the_box_to_the_next_at_once()
    {
        var dead = DeadAddress();
        await using var cloud = await AckingCloud.StartAsync();
        await using var box = new UplinkHarness($"{dead},{cloud.Address}", initialBackoffSeconds: 30, maxBackoffSeconds: 60);
        await box.WriteTapsAsync(20);
        await box.StartAsync();

        await box.Lines.WaitForAsync($"UPLINK connected={cloud.Address}", Patience);
        await box.Lines.WaitForAsync("ACK through=20", Patience);

        Assert.Empty(await box.PendingAsync());
        Assert.Equal(Range(1, 20), cloud.Connections.Single());
        var warning = Assert.Single(box.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.StartsWith($"Synchronisation avec le cloud {dead} interrompue (Unavailable : ", warning.Message);
        Assert.EndsWith($" ; bascule tout de suite sur {cloud.Address}.", warning.Message);
    }

    private static async Task WriteTapsAsync(UplinkHarness box, int count)
    {
        // Ten at a time, as a busy canteen line does: they share a disk flush.
        for (var i = 0; i < count; i += 10)
            await Task.WhenAll(Enumerable.Range(i, 10).Select(n =>
                box.Outbox.AppendAsync("04A1B2C3", UplinkHarness.Noon.AddSeconds(n), Decision.Accepted, TapService.Canteen)));
    }

    /// <summary>A loopback address whose port the system just handed out and took back: connections are refused.</summary>
    internal static string DeadAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}

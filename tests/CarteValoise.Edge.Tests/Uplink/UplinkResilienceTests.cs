using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Roster;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>Roster deltas, acks the box must not believe too far, and a storm of broken connections.</summary>
public class UplinkResilienceTests(ITestOutputHelper output)
{
    private static long[] Range(long first, long last) => Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i).ToArray();

    private static RosterDelta Delta(long version, bool full, string[] upsertUids, string[]? removed = null)
    {
        var delta = new RosterDelta { Version = version, Full = full, SchoolName = "École Jules Ferry", ServiceDate = "2025-04-01" };
        delta.Upserts.AddRange(upsertUids.Select(uid => new RosterEntry { CardUid = uid, ChildId = "child-" + uid, FirstName = "Enfant " + uid, CanteenToday = true, CareToday = true }));
        delta.RemovedCardUids.AddRange(removed ?? []);
        return delta;
    }

    [Fact]
    public async Task Partial_deltas_apply_on_top_of_the_version_announced_and_one_made_for_another_version_makes_the_box_announce_again()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address);
        await box.StartAsync();
        var first = await cloud.NextConnectionAsync();
        Assert.Equal(0, (await first.HelloAsync()).RosterVersion);

        await first.SendRosterAsync(Delta(3, full: true, ["04A1B2C3", "04D4E5F6"]));
        await box.Lines.WaitForAsync("ROSTER version=3 entries=2");
        await first.SendRosterAsync(Delta(4, full: false, ["04112233"], ["04A1B2C3"]));
        await box.Lines.WaitForAsync("ROSTER version=4 entries=2");
        Assert.Equal(["04112233", "04D4E5F6"], box.Roster.CardUids.Order());
        Assert.True((await box.Store.ReadAsync(db => RosterCache.Find(db, "04112233")))!.CareToday);

        // Someone else moved the roster under this connection (the test, here): the cloud's next partial,
        // made for version 4, must not be mixed into version 9.
        await box.Roster.ApplyAsync(new RosterUpdate(9, true, [new RosterChild("04445566", "child-tom", "Tom", true, false, false)], [], "École Jules Ferry", new DateOnly(2025, 4, 1)));
        await first.SendRosterAsync(Delta(10, full: false, ["04778899"]));

        var second = await cloud.NextConnectionAsync();
        Assert.Equal(9, (await second.HelloAsync()).RosterVersion);
        Assert.Equal(["04445566"], box.Roster.CardUids);
        Assert.Contains(box.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(
            "mise à jour partielle de la liste des enfants (version 10) faite pour la version 4, alors que la box a la version 9 ; reconnexion pour annoncer la bonne version"));
    }

    [Fact]
    public async Task An_ack_beyond_what_the_box_has_sent_on_the_connection_deletes_only_what_was_sent()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address, batchSize: 2, maxUnacknowledged: 2);
        await box.WriteTapsAsync(5);
        await box.StartAsync();
        var connection = await cloud.NextConnectionAsync();
        await connection.HelloAsync();
        Assert.Equal(Range(1, 2), (await connection.TapsAsync(2)).Select(t => t.Sequence));

        await connection.AckAsync(5); // the cloud claims taps the box has not sent it on this connection
        await box.Lines.WaitForAsync("ACK through=5");
        Assert.Equal(Range(3, 5), await box.PendingAsync());

        Assert.Equal(Range(3, 5), (await connection.TapsAsync(3)).Select(t => t.Sequence));
        var applied = box.Lines.Lines.Count(l => l == "ACK through=5");
        await connection.AckAsync(5);
        await box.Lines.WaitForCountAsync("ACK through=5", applied + 1);
        Assert.Empty(await box.PendingAsync());
    }

    [Fact]
    public async Task In_a_storm_of_broken_connections_no_tap_leaves_the_box_before_its_ack_and_every_tap_arrives_once_in_order()
    {
        const int Taps = 3_000;
        await using var cloud = await AckingCloud.StartAsync();
        cloud.DropBeforeAck = 0.2;
        cloud.DropAfterAck = 0.1;
        await using var box = new UplinkHarness(cloud.Address, batchSize: 25, maxUnacknowledged: 100, initialBackoffSeconds: 0.002, maxBackoffSeconds: 0.01);
        await box.StartAsync();

        long written = 0;
        var writing = Task.Run(async () =>
        {
            // Ten at a time, as a busy canteen line does: they share a disk flush.
            for (var i = 0; i < Taps; i += 10)
            {
                await Task.WhenAll(Enumerable.Range(i, 10).Select(n =>
                    box.Outbox.AppendAsync("04A1B2C3", UplinkHarness.Noon.AddSeconds(n), Decision.Accepted, TapService.Canteen)));
                Interlocked.Add(ref written, 10);
            }
        });

        // While taps are written, sent, acknowledged and connections break: whatever is missing from
        // the outbox must have been acknowledged by then. Until every tap has left the box. In this
        // order: the ack is read after the disk, so that a deletion seen there has its ack counted.
        var checks = 0;
        // A bound for a box that stops draining, not a speed: about 4 s on a quiet machine, but each
        // of the few hundred group commits waits for a CPU on a busy one (40 to 60 s at a load of 15 on two cores).
        var giveUp = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var writtenBefore = Interlocked.Read(ref written);
            var pending = await box.OnDiskAsync();
            var acknowledged = cloud.HighestAckSent;
            var lost = Range(acknowledged + 1, Math.Max(acknowledged, writtenBefore)).Where(s => !pending.Contains(s)).ToList();
            Assert.True(lost.Count == 0, $"passages retirés de la box sans acquittement (acquitté jusqu'à {acknowledged}) : {string.Join(", ", lost.Take(10))}");
            checks++;
            if (writtenBefore == Taps && pending.Count == 0) break;
            Assert.True(DateTime.UtcNow < giveUp, $"la box n'a pas tout vidé en 120 s : {pending.Count} passages en attente, acquitté jusqu'à {acknowledged}");
        }
        await writing;

        Assert.Equal(Taps, cloud.DurableThrough);
        Assert.Empty(await box.PendingAsync());
        var connections = cloud.Connections;
        Assert.True(connections.Count >= 30, $"une tempête d'au moins 30 connexions était attendue, il y en a eu {connections.Count}");
        output.WriteLine($"tempête : {connections.Count} connexions, {checks} vérifications que rien ne manque sans acquittement");
        Assert.True(checks >= 100, $"au moins 100 vérifications pendant la tempête, {checks} faites");
        // On each connection the box sends in order, without a gap, from the first tap it still holds.
        Assert.All(connections.Where(c => c.Count > 0), c => Assert.Equal(Range(c[0], c[^1]), c));
        Assert.Contains(box.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("interrompue"));
    }
}

using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Uplink;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>The box's uplink against a real gRPC server on loopback.</summary>
public class UplinkTests
{
    private static long[] Sequences(IEnumerable<Tap> taps) => taps.Select(t => t.Sequence).ToArray();

    private static long[] Range(long first, long last) => Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i).ToArray();

    [Fact]
    public async Task The_box_says_hello_then_sends_its_taps_in_order_in_batches_and_new_ones_as_they_are_written()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address);
        await box.WriteTapsAsync(450);
        await box.StartAsync();

        var connection = await cloud.NextConnectionAsync();
        var hello = await connection.HelloAsync();
        Assert.Equal(0, hello.RosterVersion);
        Assert.Equal(Wire.SoftwareVersion, hello.SoftwareVersion);
        var batches = new List<TapBatch>();
        while (batches.Sum(b => b.Taps.Count) < 450) batches.Add(await connection.NextBatchAsync());

        Assert.All(batches, b => Assert.InRange(b.Taps.Count, 1, 200));
        Assert.Equal(Range(1, 450), Sequences(batches.SelectMany(b => b.Taps)));
        var first = batches[0].Taps[0];
        Assert.Equal(new Tap
        {
            Sequence = 1,
            CardUid = "04A1B2C3",
            ReadAt = Timestamp.FromDateTimeOffset(UplinkHarness.Noon),
            Decision = TapDecision.Accepted,
            Service = ServiceKind.Canteen,
        }, first);

        await box.Outbox.AppendAsync("04D4E5F6", UplinkHarness.Noon.AddHours(1), Decision.UnknownCard, TapService.Canteen);
        var next = await connection.NextBatchAsync();
        Assert.Equal([451], Sequences(next.Taps));
        Assert.Equal(TapDecision.UnknownCard, next.Taps[0].Decision);
    }

    [Fact]
    public async Task The_first_heartbeat_tells_the_cloud_everything_about_the_box()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address, mode: BoxMode.Care);
        await box.WriteTapsAsync(3);
        await box.Outbox.DeleteThroughAsync(1); // acknowledged on an earlier connection
        box.Health.Read(UplinkHarness.Noon.AddMinutes(5));
        box.Health.Reading(new ScriptedCardReader());
        await box.StartAsync();

        var connection = await cloud.NextConnectionAsync();
        await connection.HelloAsync();
        var heartbeat = await connection.NextHeartbeatAsync();

        Assert.Equal(new Heartbeat
        {
            SoftwareVersion = Wire.SoftwareVersion,
            OutboxDepth = 2,
            OldestUnsentReadAt = Timestamp.FromDateTimeOffset(UplinkHarness.Noon.AddSeconds(1)),
            LastReadAt = Timestamp.FromDateTimeOffset(UplinkHarness.Noon.AddMinutes(5)),
            ReaderStatus = "en service (lecteur de test)",
            LastSequence = 3,
            Mode = "Care",
        }, heartbeat);
    }

    [Fact]
    public async Task An_ack_deletes_what_it_acknowledges_and_nothing_more()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address);
        await box.WriteTapsAsync(5);
        await box.StartAsync();
        var connection = await cloud.NextConnectionAsync();
        await connection.HelloAsync();
        Assert.Equal(Range(1, 5), Sequences(await connection.TapsAsync(5)));

        Assert.Equal(Range(1, 5), await box.PendingAsync()); // sent is not acknowledged
        await connection.AckAsync(3);
        await box.Lines.WaitForAsync("ACK through=3");
        Assert.Equal(new long[] { 4, 5 }, await box.PendingAsync());

        await connection.AckAsync(5);
        await box.Lines.WaitForAsync("ACK through=5");
        Assert.Empty(await box.PendingAsync());
    }

    [Fact]
    public async Task After_a_break_mid_stream_the_box_reconnects_and_sends_again_everything_not_acknowledged()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address, batchSize: 2);
        await box.WriteTapsAsync(5);
        await box.StartAsync();

        var first = await cloud.NextConnectionAsync();
        await first.HelloAsync();
        Assert.Equal(Range(1, 5), Sequences(await first.TapsAsync(5)));
        await first.AckAsync(2);
        await box.Lines.WaitForAsync("ACK through=2");
        first.Drop();

        var second = await cloud.NextConnectionAsync();
        await second.HelloAsync();
        Assert.Equal(Range(3, 5), Sequences(await second.TapsAsync(3)));
        await box.WriteTapsAsync(1);
        Assert.Equal(new long[] { 6 }, Sequences(await second.TapsAsync(1)));
        await second.AckAsync(6);
        await box.Lines.WaitForAsync("ACK through=6");
        Assert.Empty(await box.PendingAsync());
        Assert.Contains(box.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("interrompue"));
    }

    [Fact]
    public async Task A_roster_from_the_cloud_is_applied_normalised_and_announced_in_the_next_hello()
    {
        await using var cloud = await FakeCloud.StartAsync();
        await using var box = new UplinkHarness(cloud.Address);
        await box.StartAsync();
        var first = await cloud.NextConnectionAsync();
        await first.HelloAsync();

        var full = new RosterDelta { Version = 7, Full = true, SchoolName = "École Jules Ferry", ServiceDate = "2025-04-01" };
        full.Upserts.Add(new RosterEntry { CardUid = "04:a1:b2:c3", ChildId = "child-lea", FirstName = "Léa", CanteenToday = true });
        full.Upserts.Add(new RosterEntry { CardUid = "04D4E5F6", ChildId = "child-hugo", FirstName = "Hugo", CanteenToday = true, AllergyPlan = true });
        full.Upserts.Add(new RosterEntry { CardUid = "pas-une-carte", ChildId = "child-x", FirstName = "X" });
        await first.SendRosterAsync(full);
        await box.Lines.WaitForAsync("ROSTER version=7 entries=2");
        Assert.Equal(["04A1B2C3", "04D4E5F6"], box.Roster.CardUids.Order());
        Assert.Equal(new DateOnly(2025, 4, 1), box.Roster.ServiceDate);

        var delta = new RosterDelta { Version = 8, SchoolName = "École Jules Ferry", ServiceDate = "2025-04-01" };
        delta.RemovedCardUids.Add("04a1b2c3");
        await first.SendRosterAsync(delta);
        await box.Lines.WaitForAsync("ROSTER version=8 entries=1");

        first.Drop();
        var second = await cloud.NextConnectionAsync();
        Assert.Equal(8, (await second.HelloAsync()).RosterVersion);
    }

    [Fact]
    public async Task A_box_refused_by_the_cloud_says_so_keeps_its_taps_and_tries_again_later()
    {
        await using var cloud = await FakeCloud.StartAsync(boxSecret: "the-right-one");
        await using var box = new UplinkHarness(cloud.Address, secret: "a-wrong-one");
        await box.WriteTapsAsync(3);
        var refusalLogged = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        box.Log.Logged += (level, message) =>
        {
            if (level == LogLevel.Error) refusalLogged.TrySetResult(message);
        };
        await box.StartAsync();

        Assert.Equal("box-ferry-1", await cloud.NextRefusalAsync());
        var message = await refusalLogged.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.StartsWith("Le cloud " + cloud.Address + " REFUSE la box « box-ferry-1 » (Unauthenticated : box inconnue ou secret incorrect). Vérifiez Box:Id et Box:Secret", message);
        Assert.Equal("box-ferry-1", await cloud.NextRefusalAsync()); // it tried again, it did not crash

        Assert.False(box.Uplink.ExecuteTask!.IsCompleted);
        Assert.Equal(Range(1, 3), await box.PendingAsync());
    }
}

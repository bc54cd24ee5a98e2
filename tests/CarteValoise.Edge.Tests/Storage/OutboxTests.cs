using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Tests.Support;

namespace CarteValoise.Edge.Tests.Storage;

public class OutboxTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    private BoxStore Open() => BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());

    private static Task<long> Append(TapOutbox outbox, int i) =>
        outbox.AppendAsync($"04A1B2{i:X2}", Noon.AddSeconds(i), Decision.Accepted, TapService.Canteen);

    private static async Task<long[]> PendingSequences(TapOutbox outbox) =>
        (await outbox.ReadPendingAsync(0, 1000)).Select(t => t.Sequence).ToArray();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_first_tap_is_number_1_and_numbers_go_on_after_a_restart_even_once_everything_is_acknowledged()
    {
        using (var store = Open())
        {
            var outbox = new TapOutbox(store);
            Assert.Equal(1, await Append(outbox, 1));
            Assert.Equal(2, await Append(outbox, 2));
            await outbox.DeleteThroughAsync(2);
        }
        using (var store = Open())
        {
            var outbox = new TapOutbox(store);
            Assert.Equal(3, await Append(outbox, 3));
            Assert.Equal(new long[] { 3 }, await PendingSequences(outbox));
        }
    }

    [Fact]
    public async Task Taps_written_together_get_consecutive_numbers_in_the_order_given()
    {
        using var store = Open();
        var outbox = new TapOutbox(store);
        var sequences = await Task.WhenAll(Enumerable.Range(1, 300).Select(i => Append(outbox, i)));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), sequences);
        var pending = await outbox.ReadPendingAsync(0, 1000);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"04A1B2{i:X2}"), pending.Select(t => t.CardUid));
    }

    [Fact]
    public async Task Nothing_leaves_the_outbox_by_being_read_or_sent_only_by_an_ack()
    {
        using var store = Open();
        var outbox = new TapOutbox(store);
        for (var i = 1; i <= 3; i++) await Append(outbox, i);

        await outbox.ReadPendingAsync(0, 200);
        await outbox.ReadPendingAsync(0, 200);

        Assert.Equal(new long[] { 1, 2, 3 }, await PendingSequences(outbox));
        Assert.Equal(new OutboxState(3, Noon.AddSeconds(1), 3), await outbox.StateAsync());
    }

    [Fact]
    public async Task An_ack_deletes_through_its_sequence_and_no_further()
    {
        using var store = Open();
        var outbox = new TapOutbox(store);
        for (var i = 1; i <= 5; i++) await Append(outbox, i);

        Assert.Equal(3, await outbox.DeleteThroughAsync(3));
        Assert.Equal(new long[] { 4, 5 }, await PendingSequences(outbox));
        Assert.Equal(0, await outbox.DeleteThroughAsync(2)); // an old ack again changes nothing
        Assert.Equal(new long[] { 4, 5 }, await PendingSequences(outbox));
        Assert.Equal(new OutboxState(2, Noon.AddSeconds(4), 5), await outbox.StateAsync());
    }

    [Fact]
    public async Task Pending_taps_are_read_in_sequence_order_a_batch_at_a_time_with_every_field()
    {
        using var store = Open();
        var outbox = new TapOutbox(store);
        var readAt = new DateTimeOffset(2025, 4, 1, 12, 34, 56, TimeSpan.FromHours(2)).AddTicks(1234567);
        await outbox.AppendAsync("04A1B2C3", readAt, Decision.Accepted, TapService.Canteen);
        await outbox.AppendAsync("04D4E5F6", readAt, Decision.AlreadyServed, TapService.Canteen);
        await outbox.AppendAsync("04112233445566", readAt, Decision.UnknownCard, TapService.Canteen);
        await outbox.AppendAsync("04A1B2C3", readAt, Decision.BlockedCard, TapService.Canteen);

        var batch = await outbox.ReadPendingAsync(afterSequence: 1, max: 2);

        Assert.Equal(
            [
                new OutboxTap(2, "04D4E5F6", readAt, Decision.AlreadyServed, TapService.Canteen),
                new OutboxTap(3, "04112233445566", readAt, Decision.UnknownCard, TapService.Canteen),
            ],
            batch);
        Assert.Equal(readAt.UtcTicks, batch[0].ReadAt.UtcTicks); // to the tick, not the millisecond
    }

    [Fact]
    public async Task A_tap_reported_written_is_on_the_disk_when_the_power_goes_off()
    {
        var data = new PowerCutStream();
        var log = new PowerCutStream();
        var store = new BoxStore(data, log, new ListLogger<BoxStore>(), TimeSpan.FromMilliseconds(2));
        var outbox = new TapOutbox(store);
        var written = new List<long>();
        for (var i = 1; i <= 50; i++)
        {
            written.Add(await Append(outbox, i));
            Assert.False(log.HasUnflushedWrites); // reported written = flushed, every time
        }
        await outbox.DeleteThroughAsync(10);

        // Power cut: only what was flushed survives; the store is never closed.
        var dataImage = data.DurableImage;
        var logImage = log.DurableImage;
        store.Dispose();
        using var reopened = new BoxStore(PowerCutStream.Reopen(dataImage), PowerCutStream.Reopen(logImage), new ListLogger<BoxStore>(), TimeSpan.Zero);
        var after = new TapOutbox(reopened);

        Assert.Equal(Enumerable.Range(11, 40).Select(i => (long)i), await PendingSequences(after));
        Assert.Equal(51, await Append(after, 51));
    }

    [Fact]
    public async Task A_second_box_cannot_open_the_same_data_directory()
    {
        using var store = Open();
        await new TapOutbox(store).AppendAsync("04A1B2C3", Noon, Decision.Accepted, TapService.Canteen);
        Assert.ThrowsAny<IOException>(() => Open());
    }
}

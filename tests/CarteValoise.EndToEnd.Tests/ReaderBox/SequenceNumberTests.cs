using CarteValoise.Contracts.EdgeSync;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// The cloud applies each sequence number of a box once and in order, whatever reaches it: the
/// test speaks as a box over gRPC and sends batches twice, overlapping, with a gap, replayed with
/// other content, and as another box. The acks and the families' taps are checked exactly.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SequenceNumberTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Resent_and_out_of_order_batches_count_once_and_the_ack_stops_at_the_first_gap() => platform.RunAsync(output, async () =>
    {
        var box = platform.SequencesBox;
        var family = Demo.CergyFamilyNumbered(4);
        string[] cards = [Demo.CergyCard(4, 1), Demo.CergyCard(4, 2)];
        // Moments of the last minute, a millisecond apart: nothing else taps these cards.
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var taps = Enumerable.Range(1, 7).Select(n => BoxStream.Tap(n, cards[n % 2], start.AddMilliseconds(n),
            n <= 2 ? TapDecision.Accepted : TapDecision.AlreadyServed)).ToList();
        Tap Numbered(int n) => taps[n - 1];

        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        async Task<IReadOnlyList<DateTimeOffset>> HeldAsync() =>
            (await FamilyTaps.ReadAsync(cloud, agent, [family], [start], "test des numéros de séquence")).Select(t => t.ReadAt).Order().ToList();
        IReadOnlyList<DateTimeOffset> ReadAtsOf(params int[] numbers) => numbers.Select(n => Numbered(n).ReadAt.ToDateTimeOffset()).Order().ToList();

        await using (var stream = await BoxStream.OpenAsync(cloud, box.BoxId, box.Secret))
        {
            Assert.Equal(3, await stream.SendAsync([Numbered(1), Numbered(2), Numbered(3)]));
            // The same batch again, as after an ack lost on the way: nothing new.
            Assert.Equal(3, await stream.SendAsync([Numbered(1), Numbered(2), Numbered(3)]));
            // Overlapping the durable prefix: only 4 is new.
            Assert.Equal(4, await stream.SendAsync([Numbered(3), Numbered(4)]));
            // 6 and 7 before 5: the ack stays at the end of the contiguous prefix, and they are not applied yet.
            Assert.Equal(4, await stream.SendAsync([Numbered(6), Numbered(7)]));
            Assert.Equal(ReadAtsOf(1, 2, 3, 4), await HeldAsync());
        }

        // Reconnected, the box sends again everything not acknowledged, from the gap on.
        await using (var stream = await BoxStream.OpenAsync(cloud, box.BoxId, box.Secret))
        {
            Assert.Equal(7, await stream.SendAsync([Numbered(5), Numbered(6), Numbered(7)]));
            Assert.Equal(7, await stream.SendAsync(taps));
        }

        Assert.Equal(ReadAtsOf(1, 2, 3, 4, 5, 6, 7), await HeldAsync());
        var meals = await FamilyTaps.MealsAsync(cloud, agent, [family], FamilyTaps.ParisDay(start), "test des numéros de séquence");
        Assert.Equal([1, 1], meals.Values);
        Assert.Equal(7, (await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, box.BoxId)).DurableThroughSequence);
    });

    [Fact]
    public Task A_replayed_sequence_with_other_content_and_a_box_claiming_another_id_change_nothing() => platform.RunAsync(output, async () =>
    {
        var box = platform.ReplayedBox;
        var impostor = platform.ImpostorBox;
        var family = Demo.CergyFamilyNumbered(5);
        string[] cards = [Demo.CergyCard(5, 1), Demo.CergyCard(5, 2)];
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        Tap[] original = [
            BoxStream.Tap(1, cards[0], start.AddMilliseconds(1), TapDecision.Accepted),
            BoxStream.Tap(2, cards[0], start.AddMilliseconds(2), TapDecision.AlreadyServed)];
        // Same numbers, other child, other moments, each one a meal if it were applied.
        Tap[] replayed = [
            BoxStream.Tap(1, cards[1], start.AddMilliseconds(11), TapDecision.Accepted),
            BoxStream.Tap(2, cards[1], start.AddMilliseconds(12), TapDecision.Accepted)];

        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        async Task<IReadOnlyList<TapInCloud>> HeldAsync() =>
            (await FamilyTaps.ReadAsync(cloud, agent, [family], [start], "test de rejeu")).OrderBy(t => t.ReadAt).ToList();

        await using (var stream = await BoxStream.OpenAsync(cloud, box.BoxId, box.Secret))
            Assert.Equal(2, await stream.SendAsync(original));
        var before = await HeldAsync();
        Assert.Equal(original.Select(t => t.ReadAt.ToDateTimeOffset()), before.Select(t => t.ReadAt));
        var mealsBefore = await FamilyTaps.MealsAsync(cloud, agent, [family], FamilyTaps.ParisDay(start), "test de rejeu");

        await using (var stream = await BoxStream.OpenAsync(cloud, box.BoxId, box.Secret))
            Assert.Equal(2, await stream.SendAsync(replayed));
        Assert.Equal(before, await HeldAsync());
        Assert.Equal(mealsBefore, await FamilyTaps.MealsAsync(cloud, agent, [family], FamilyTaps.ParisDay(start), "test de rejeu"));

        // Another enrolled box, with its own genuine secret, claiming this box's id.
        var claimed = BoxStream.Tap(3, cards[1], start.AddMilliseconds(21), TapDecision.Accepted);
        var (refusal, answers) = await BoxStream.ConverseAsync(cloud, box.BoxId, impostor.Secret, [claimed]);
        Assert.Equal(StatusCode.Unauthenticated, refusal?.StatusCode);
        Assert.Empty(answers);
        Assert.Equal(before, await HeldAsync());
        Assert.Equal(2, (await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, box.BoxId)).DurableThroughSequence);
        Assert.Equal(0, (await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, impostor.BoxId)).DurableThroughSequence);
    });
}

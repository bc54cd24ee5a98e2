using CarteValoise.Grains.Children;

namespace CarteValoise.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class OutboxEpochTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 11, 10, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_box_whose_data_was_wiped_starts_a_new_series_and_its_new_taps_count()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childId, uid) = await commune.AddChild(family, 1, "Léa");

        await commune.Box.StartSeries("first-outbox");
        Assert.Equal(2, await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon), TestCommune.Tap(2, uid, Noon.AddMinutes(1))]));

        // Same box, same credential, a fresh outbox: numbering restarts at 1.
        await commune.Box.StartSeries("second-outbox");
        Assert.Equal(1, await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon.AddMinutes(2))]));

        var taps = await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(new DateOnly(2026, 12, 3));
        Assert.Equal([Noon, Noon.AddMinutes(1), Noon.AddMinutes(2)], taps.Select(t => t.ReadAt));
    }

    [Fact]
    public async Task The_same_outbox_saying_hello_again_keeps_its_numbering()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childId, uid) = await commune.AddChild(family, 1, "Hugo");

        await commune.Box.StartSeries("only-outbox");
        await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon)]);
        await commune.Box.StartSeries("only-outbox"); // a reconnection
        await commune.Box.StartSeries(""); // a box too old to say
        Assert.Equal(1, await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon)]));

        Assert.Single(await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(new DateOnly(2026, 12, 3)));
    }
}

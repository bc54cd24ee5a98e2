using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TapApplicationTests(ClusterFixture fixture)
{
    // Thursday 3 December 2026, 12:10 in Paris (UTC+1).
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 11, 10, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public async Task A_tap_sent_twice_is_applied_once()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", quotientFamilial: 700, openingCents: 4000);
        var (childId, uid) = await commune.AddChild(family, 1, "Léa");
        var batch = new[] { TestCommune.Tap(1, uid, Noon) };

        Assert.Equal(1, await commune.Box.ApplyTaps(batch));
        Assert.Equal(1, await commune.Box.ApplyTaps(batch)); // the ack was lost, the box resends

        var taps = await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day);
        Assert.Single(taps);
        Assert.True(taps[0].Meal);
        Assert.Equal(1, await fixture.Grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(commune.SchoolId, Day)).GetMealCount());
        var account = await fixture.Grains.GetGrain<IFamilyGrain>(family).GetAccount();
        Assert.Equal(4000 - 250, account.BalanceCents);
        Assert.Equal(2, account.Movements.Count);
    }

    [Fact]
    public async Task A_second_tap_the_same_day_is_kept_but_neither_counted_nor_charged()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", quotientFamilial: 300, openingCents: 1000);
        var (childId, uid) = await commune.AddChild(family, 1, "Hugo");

        await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon), TestCommune.Tap(2, uid, Noon.AddMinutes(3))]);

        var taps = await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day);
        Assert.Equal([true, false], taps.Select(t => t.Meal));
        Assert.Equal(1000 - 100, (await fixture.Grains.GetGrain<IFamilyGrain>(family).GetAccount()).BalanceCents);
    }

    [Fact]
    public async Task The_school_day_count_agrees_with_the_meals_of_the_children()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var children = new List<(string ChildId, string Uid)>();
        for (var f = 1; f <= 4; f++)
        {
            var family = await commune.AddFamily($"{f:D3}", quotientFamilial: null, openingCents: 5000);
            children.Add(await commune.AddChild(family, 1, $"Enfant{f}a"));
            children.Add(await commune.AddChild(family, 2, $"Enfant{f}b"));
        }
        // Six of the eight children tap, two of them twice, one tap refused by the box (not expected).
        var sequence = 0L;
        var batch = new List<BoxTap>();
        foreach (var (_, uid) in children.Take(6)) batch.Add(TestCommune.Tap(++sequence, uid, Noon.AddSeconds(sequence)));
        batch.Add(TestCommune.Tap(++sequence, children[0].Uid, Noon.AddMinutes(5), BoxDecision.AlreadyServed));
        batch.Add(TestCommune.Tap(++sequence, children[1].Uid, Noon.AddMinutes(6), BoxDecision.AlreadyServed));
        batch.Add(TestCommune.Tap(++sequence, children[6].Uid, Noon.AddMinutes(7), BoxDecision.NotExpected));

        Assert.Equal(sequence, await commune.Box.ApplyTaps(batch));

        var meals = 0;
        foreach (var (childId, _) in children)
            meals += (await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day)).Count(t => t.Meal);
        Assert.Equal(6, meals);
        Assert.Equal(meals, await fixture.Grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(commune.SchoolId, Day)).GetMealCount());
    }

    [Fact]
    public async Task Taps_after_a_gap_wait_for_the_missing_one()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childA, uidA) = await commune.AddChild(family, 1, "Inès");
        var (childB, uidB) = await commune.AddChild(family, 2, "Nathan");

        Assert.Equal(1, await commune.Box.ApplyTaps([TestCommune.Tap(1, uidA, Noon), TestCommune.Tap(3, uidB, Noon.AddSeconds(2))]));
        Assert.Empty(await fixture.Grains.GetGrain<IChildGrain>(childB).GetTaps(Day));

        Assert.Equal(3, await commune.Box.ApplyTaps([TestCommune.Tap(2, uidB, Noon.AddSeconds(1)), TestCommune.Tap(3, uidB, Noon.AddSeconds(2))]));
        Assert.Equal(2, (await fixture.Grains.GetGrain<IChildGrain>(childB).GetTaps(Day)).Count);
        Assert.Single(await fixture.Grains.GetGrain<IChildGrain>(childA).GetTaps(Day));
    }

    [Fact]
    public async Task A_replayed_old_sequence_changes_nothing()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childId, uid) = await commune.AddChild(family, 1, "Jade");
        await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon), TestCommune.Tap(2, uid, Noon.AddMinutes(1))]);

        // Same numbers, other content: a replay or a tampered resend is dropped as already seen.
        Assert.Equal(2, await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, Noon.AddDays(1)), TestCommune.Tap(2, uid, Noon.AddDays(1))]));

        Assert.Empty(await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day.AddDays(1)));
        Assert.Equal(2, (await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day)).Count);
    }

    [Fact]
    public async Task A_tap_late_in_the_evening_belongs_to_the_Paris_day()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childId, uid) = await commune.AddChild(family, 1, "Adam");
        // 23:30 UTC on 3 December is 00:30 on 4 December in Paris.
        await commune.Box.ApplyTaps([TestCommune.Tap(1, uid, new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero))]);

        Assert.Empty(await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day));
        Assert.Single(await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(Day.AddDays(1)));
    }

    [Fact]
    public async Task An_unknown_card_takes_its_sequence_number_and_touches_no_child()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        Assert.Equal(1, await commune.Box.ApplyTaps([TestCommune.Tap(1, "04FFFFFFFFFFFF", Noon, BoxDecision.UnknownCard)]));
        Assert.Equal(1, (await commune.Box.GetStatus()).DurableThrough);
    }
}

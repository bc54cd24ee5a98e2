using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class RosterTests(ClusterFixture fixture)
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    [Fact]
    public async Task A_box_gets_the_full_roster_then_only_what_changed_then_nothing()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700);
        var (childA, uidA) = await commune.AddChild(family, 1, "Léa");
        var (_, uidB) = await commune.AddChild(family, 2, "Hugo");
        var school = fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId);

        var first = await school.GetRoster(0, Thursday);
        Assert.True(first.Full);
        Assert.Equal(new[] { uidA, uidB }.Order(), first.Entries.Select(e => e.CardUid).Order());
        Assert.All(first.Entries, e => Assert.True(e.CanteenToday));

        // Léa's card is lost and replaced: the box hears of her new card and of the old one's removal only.
        await school.EnrolChild(new RosterChild(childA, "Léa", "04AAAAAAAAAAAA", [DayOfWeek.Thursday], false, false));
        var delta = await school.GetRoster(first.Version, Thursday);
        Assert.False(delta.Full);
        Assert.Equal("04AAAAAAAAAAAA", Assert.Single(delta.Entries).CardUid);
        Assert.Equal(uidA, Assert.Single(delta.RemovedCardUids));

        var nothing = await school.GetRoster(delta.Version, Thursday);
        Assert.False(nothing.Changed);
    }

    [Fact]
    public async Task A_new_day_or_an_unknown_version_brings_the_full_roster_with_that_days_flags()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700);
        await commune.AddChild(family, 1, "Inès"); // canteen Monday, Tuesday, Thursday, Friday
        var school = fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId);

        var thursday = await school.GetRoster(0, Thursday);
        var wednesday = await school.GetRoster(thursday.Version, Thursday.AddDays(6));
        Assert.True(wednesday.Full);
        Assert.False(Assert.Single(wednesday.Entries).CanteenToday);

        var stale = await school.GetRoster(12345, Thursday);
        Assert.True(stale.Full);
    }
}

using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Schools;
using CarteValoise.Grains.Tests.Reservations;

namespace CarteValoise.Grains.Tests.Cards;

[Collection(StoryCollection.Name)]
public sealed class CardTests(StoryClusterFixture fixture)
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    [Fact]
    public async Task A_card_reported_lost_is_blocked_in_the_next_roster_delta_and_reporting_it_again_changes_nothing()
    {
        var (commune, childId, uid) = await OneChild();
        var school = School(commune);
        var before = await school.GetRoster(0, Thursday);

        await Child(childId).ReportCardLost();
        var delta = await school.GetRoster(before.Version, Thursday);
        await Child(childId).ReportCardLost();

        Assert.False(delta.Full);
        var entry = Assert.Single(delta.Entries);
        Assert.Equal((uid, true), (entry.CardUid, entry.Blocked));
        Assert.Empty(delta.RemovedCardUids);
        Assert.False((await school.GetRoster(delta.Version, Thursday)).Changed);
        Assert.True((await Card(uid).GetHolder())!.Blocked);
        Assert.Equal(CardStatus.Lost, (await Child(childId).GetProfile())!.CardStatus);
    }

    [Fact]
    public async Task A_replacement_card_joins_the_roster_and_the_former_one_leaves_it_blocked()
    {
        var (commune, childId, former) = await OneChild();
        var school = School(commune);
        await Child(childId).ReportCardLost();
        var before = await school.GetRoster(0, Thursday);

        await Child(childId).IssueCard("04:a1:b2:c3:d4:e5:f6"); // as a reader shows it

        var delta = await school.GetRoster(before.Version, Thursday);
        var entry = Assert.Single(delta.Entries);
        Assert.Equal(("04A1B2C3D4E5F6", false, true), (entry.CardUid, entry.Blocked, entry.CanteenToday));
        Assert.Equal(former, Assert.Single(delta.RemovedCardUids));
        Assert.Equal(new CardHolder(childId, $"{commune.Code}-F001", commune.SchoolId, commune.Code, Blocked: false), await Card("04A1B2C3D4E5F6").GetHolder());
        // Still the child's, so that a tap read before the replacement reaches them, but blocked.
        Assert.Equal(new CardHolder(childId, $"{commune.Code}-F001", commune.SchoolId, commune.Code, Blocked: true), await Card(former).GetHolder());
        var profile = (await Child(childId).GetProfile())!;
        Assert.Equal(("04A1B2C3D4E5F6", CardStatus.Active), (profile.CardUid, profile.CardStatus));
    }

    [Fact]
    public async Task A_malformed_uid_or_another_childs_card_is_refused_in_French_and_changes_nothing()
    {
        var (commune, childId, uid) = await OneChild();
        var (otherChild, otherUid) = await commune.AddChild($"{commune.Code}-F001", 2, "Hugo");
        var school = School(commune);
        var before = await school.GetRoster(0, Thursday);

        var malformed = await Assert.ThrowsAsync<ArgumentException>(() => Child(childId).IssueCard("04-12-ZZ"));
        var taken = await Assert.ThrowsAsync<ArgumentException>(() => Child(childId).IssueCard(otherUid.ToLowerInvariant()));

        Assert.Equal("« 04-12-ZZ » n'est pas un identifiant de carte valide (4, 7 ou 10 octets en hexadécimal).", malformed.Message);
        Assert.Equal($"La carte {otherUid} est déjà attribuée à un autre enfant.", taken.Message);
        Assert.Equal(uid, (await Child(childId).GetProfile())!.CardUid);
        Assert.Equal(otherChild, (await Card(otherUid).GetHolder())!.ChildId);
        Assert.False((await school.GetRoster(before.Version, Thursday)).Changed);
    }

    [Fact]
    public async Task A_child_without_a_card_is_planned_for_but_on_no_roster_until_a_card_is_issued()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700, 4000);
        var childId = $"{familyId}-C1";
        var child = Child(childId);
        await child.Enrol(new ChildProfile(childId, familyId, commune.Code, commune.SchoolId, "Léa", "Martin", "",
            Class: "CP", StandingReservations: TestCommune.FourDayCanteen, CardStatus: CardStatus.None));
        var school = School(commune);

        var without = await school.GetRoster(0, Thursday);
        var plan = await school.GetDayPlan(Thursday, Domain.Canteen.SchoolService.Canteen);
        await Assert.ThrowsAsync<InvalidOperationException>(() => child.ReportCardLost());
        await child.IssueCard("04AABBCCDD0011");
        var with = await school.GetRoster(without.Version, Thursday);

        Assert.Empty(without.Entries);
        Assert.Equal(new PlannedChild(childId, "Léa", "Martin", "CP", false, true), Assert.Single(plan));
        Assert.Equal("04AABBCCDD0011", Assert.Single(with.Entries).CardUid);
    }

    private async Task<(TestCommune Commune, string ChildId, string Uid)> OneChild()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childId, uid) = await commune.AddChild(family, 1, "Léa");
        return (commune, childId, uid);
    }

    private IChildGrain Child(string childId) => fixture.Grains.GetGrain<IChildGrain>(childId);

    private ICardGrain Card(string uid) => fixture.Grains.GetGrain<ICardGrain>(uid);

    private ISchoolGrain School(TestCommune commune) => fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId);
}

using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;
using CarteValoise.Grains.Tests.Reservations;

namespace CarteValoise.Grains.Tests.Cards;

/// <summary>The child's enrolment is the one call that reaches the family, the commune, the card and the school.</summary>
[Collection(StoryCollection.Name)]
public sealed class EnrolmentTests(StoryClusterFixture fixture)
{
    private static readonly DateOnly Thursday = new(2026, 12, 10);

    [Fact]
    public async Task Enrolling_a_child_carries_it_to_the_family_the_commune_the_card_and_the_schools_roster()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700);
        var childId = $"{familyId}-C1";
        IReadOnlyList<StandingReservation> standing =
        [
            new(SchoolService.Canteen, [DayOfWeek.Monday, DayOfWeek.Thursday]),
            new(SchoolService.EveningCare, [DayOfWeek.Tuesday]),
        ];

        await fixture.Grains.GetGrain<IChildGrain>(childId).Enrol(new ChildProfile(childId, familyId, commune.Code, commune.SchoolId,
            "Léa", "Martin", "04a1b2c3", Class: "CE1", AllergyPlan: true, StandingReservations: standing));

        Assert.Equal([childId], await fixture.Grains.GetGrain<IFamilyGrain>(familyId).GetChildIds());
        Assert.Contains(familyId, await fixture.Grains.GetGrain<ICommuneGrain>(commune.Code).GetFamilyIds());
        Assert.Equal(new CardHolder(childId, familyId, commune.SchoolId, commune.Code, false),
            await fixture.Grains.GetGrain<ICardGrain>("04A1B2C3").GetHolder());
        var school = fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId);
        var thursday = Assert.Single((await school.GetRoster(0, Thursday)).Entries);
        Assert.Equal(new RosterEntryRecord("04A1B2C3", childId, "Léa", CanteenToday: true, AllergyPlan: true, Blocked: false, CareToday: false), thursday);
        var tuesday = Assert.Single((await school.GetRoster(0, Thursday.AddDays(-2))).Entries);
        Assert.Equal((false, true), (tuesday.CanteenToday, tuesday.CareToday));
        Assert.Equal(new PlannedChild(childId, "Léa", "Martin", "CE1", true, true),
            Assert.Single(await school.GetDayPlan(Thursday.AddDays(-2), SchoolService.EveningCare)));
        Assert.False(Assert.Single(await school.GetDayPlan(Thursday.AddDays(-2), SchoolService.MorningCare)).Reserved);
    }

    [Fact]
    public async Task A_child_moving_to_another_school_leaves_the_former_roster_and_brings_the_days_already_changed()
    {
        fixture.StartAt(new DateTime(2026, 12, 7, 9, 0, 0));
        var commune = await new TestCommune(fixture.Grains).Create();
        var otherSchool = $"{commune.Code}-E2";
        await fixture.Grains.GetGrain<ISchoolGrain>(otherSchool).Configure(new SchoolProfile(otherSchool, "École du Centre", commune.Code));
        var familyId = await commune.AddFamily("001", 700, 4000);
        var (childId, uid) = await commune.AddChild(familyId, 1, "Léa");
        var child = fixture.Grains.GetGrain<IChildGrain>(childId);
        await child.ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, false)], "parent");
        var former = fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId);
        var before = await former.GetRoster(0, Thursday);

        await child.Enrol((await child.GetProfile())! with { SchoolId = otherSchool });

        var left = await former.GetRoster(before.Version, Thursday);
        Assert.Empty(left.Entries);
        Assert.Equal(uid, Assert.Single(left.RemovedCardUids));
        Assert.Empty(await former.GetDayPlan(Thursday, SchoolService.Canteen));
        var joined = fixture.Grains.GetGrain<ISchoolGrain>(otherSchool);
        Assert.False(Assert.Single((await joined.GetRoster(0, Thursday)).Entries).CanteenToday);
        Assert.True(Assert.Single((await joined.GetRoster(0, Thursday.AddDays(1))).Entries).CanteenToday);
        Assert.Equal(otherSchool, (await fixture.Grains.GetGrain<ICardGrain>(uid).GetHolder())!.SchoolId);
    }

    [Fact]
    public async Task An_incomplete_enrolment_is_refused_in_French_and_nothing_is_written()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700);
        var childId = $"{familyId}-C1";
        var child = fixture.Grains.GetGrain<IChildGrain>(childId);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            child.Enrol(new ChildProfile(childId, familyId, commune.Code, "", " ", "Martin", "04A1B2C3")));

        Assert.Equal("Inscription incomplète : indiquez l'école et le prénom.", error.Message);
        Assert.Null(await child.GetProfile());
        Assert.Null(await fixture.Grains.GetGrain<ICardGrain>("04A1B2C3").GetHolder());
        Assert.Empty(await fixture.Grains.GetGrain<IFamilyGrain>(familyId).GetChildIds());
    }
}

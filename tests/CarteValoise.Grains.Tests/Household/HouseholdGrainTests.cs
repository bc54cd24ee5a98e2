using CarteValoise.Domain.Household;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Household;

namespace CarteValoise.Grains.Tests.Household;

[Collection(ClusterCollection.Name)]
public sealed class HouseholdGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_account_gets_one_household_however_often_and_however_concurrently_it_is_created()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var created = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => households.CreateAsync("martin", children: ["Léa", "Hugo"])));

        Assert.Single(created.Select(h => h.HouseholdId).Distinct());
        var household = created[0];
        Assert.Equal(household.HouseholdId, await fixture.Grains.GetGrain<IHouseholdIndexGrain>(households.Email("martin")).GetHouseholdId());
        Assert.Equal(2, household.ChildIds.Count);
        var children = await Task.WhenAll(household.ChildIds.Select(id => fixture.Grains.GetGrain<IHouseholdChildGrain>(id).Get()));
        Assert.Equal(["Léa", "Hugo"], children.Select(c => c!.FirstName));
        Assert.All(children, c => Assert.Equal([household.HouseholdId], c!.HouseholdIds));
    }

    [Fact]
    public async Task A_simple_change_applies_at_once_and_a_form_sent_twice_applies_once()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("dubois");
        var me = household.Adults[0];

        var saved = await households.Household(household).SaveAdult("op-phone", me with { Phone = "07 11 22 33 44", CafNumber = "1234567" });
        Assert.Equal(("07 11 22 33 44", "1234567"), (saved.Adults[0].Phone, saved.Adults[0].CafNumber));
        Assert.Equal(households.Email("dubois"), saved.Adults[0].AccountId);

        var partner = new HouseholdAdultRecord("", "Paul", "Dubois", new DateOnly(1984, 1, 2), AdultRelationship.Partner, "", "", "", "", AccountId: "someone-else");
        await households.Household(household).SaveAdult("op-partner", partner);
        var again = await households.Household(household).SaveAdult("op-partner", partner);

        Assert.Equal(["a1", "a2"], again.Adults.Select(a => a.AdultId));
        Assert.Null(again.Adults[1].AccountId);
        Assert.Equal(again.Adults, (await households.Household(household).Get())!.Adults);
    }

    [Fact]
    public async Task The_holders_phone_and_email_reach_the_communes_family_at_once()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700);
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("petit", familyId);

        await households.Household(household).SaveAdult("op-1", household.Adults[0] with { Phone = "07 99 88 77 66", Email = "nouvelle@exemple.fr" });

        var profile = await fixture.Grains.GetGrain<IFamilyGrain>(familyId).GetProfile();
        Assert.Equal(("07 99 88 77 66", "nouvelle@exemple.fr"), (profile!.Phone, profile.Email));
    }

    [Fact]
    public async Task An_adult_of_another_household_cannot_be_changed()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("leroy");

        var refused = await Assert.ThrowsAsync<DossierChangeRefusedException>(() =>
            households.Household(household).SaveAdult("op", household.Adults[0] with { AdultId = "a9" }));

        Assert.Equal("Cet adulte ne fait pas partie de votre foyer.", refused.Message);
        Assert.Equal(household.Adults, (await households.Household(household).Get())!.Adults);
    }
}

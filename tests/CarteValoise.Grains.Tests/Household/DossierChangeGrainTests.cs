using CarteValoise.Domain.Household;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Household;

namespace CarteValoise.Grains.Tests.Household;

[Collection(ClusterCollection.Name)]
public sealed class DossierChangeGrainTests(ClusterFixture fixture)
{
    private static readonly HouseholdAddressRecord OldAddress = new("4 rue de la République", "95000", "Cergy");
    private static readonly HouseholdAddressRecord NewAddress = new("12 rue des Écoles", "95000", "Cergy");

    [Fact]
    public async Task References_follow_each_other_per_commune_and_year_and_a_submission_sent_again_keeps_its_own()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var first = await households.Queue.Allocate("a:1", 2026);
        var second = await households.Queue.Allocate("a:2", 2026);
        var again = await households.Queue.Allocate("a:1", 2026);
        var nextYear = await households.Queue.Allocate("a:3", 2027);

        Assert.Equal($"DOS-{households.Commune}-2026-000001", first);
        Assert.Equal($"DOS-{households.Commune}-2026-000002", second);
        Assert.Equal(first, again);
        Assert.Equal($"DOS-{households.Commune}-2027-000001", nextYear);
    }

    [Fact]
    public async Task Nothing_is_applied_before_the_commune_accepts_then_the_address_reaches_the_household_and_the_family()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700);
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("martin", familyId, OldAddress);

        var submitted = await households.SubmitAddressAsync(household, NewAddress);

        Assert.Equal(DossierChangeState.Submitted, submitted.State);
        Assert.Equal(OldAddress, (await households.Household(household).Get())!.Address);
        Assert.Equal([submitted.Reference], await households.Household(household).GetRequestReferences());
        var queued = Assert.Single(await households.Queue.List());
        Assert.Equal((submitted.Reference, DossierChangeKind.Address, DossierChangeState.Submitted), (queued.Reference, queued.Kind, queued.State));

        var opened = await households.Request(submitted.Reference).Open("agent@mairie.fr", "Agent de test");
        Assert.Equal(DossierChangeState.InReview, opened.State);
        Assert.Equal(OldAddress, (await households.Household(household).Get())!.Address);

        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        var accepted = await households.Request(submitted.Reference).Decide(Households.Accept("Agent de test"));

        Assert.Equal(DossierChangeState.Accepted, accepted.State);
        Assert.True(accepted.Applied);
        Assert.Equal([DossierChangeState.Submitted, DossierChangeState.InReview, DossierChangeState.Accepted], accepted.History.Select(e => e.State));
        Assert.Equal(fixture.Time.GetUtcNow(), accepted.Decision!.At);
        Assert.Equal(NewAddress, (await households.Household(household).Get())!.Address);
        var family = await fixture.Grains.GetGrain<IFamilyGrain>(familyId).GetProfile();
        Assert.Equal(("12 rue des Écoles", "95000", "Cergy"), (family!.Address, family.PostalCode, family.City));
        Assert.Equal(DossierChangeState.Accepted, Assert.Single(await households.Queue.List()).State);
    }

    [Fact]
    public async Task A_refused_request_leaves_the_household_unchanged_and_needs_its_reason()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("bernard", address: OldAddress);
        var submitted = await households.SubmitAddressAsync(household, NewAddress);

        var noReason = await Assert.ThrowsAsync<InvalidHouseholdException>(() => households.Request(submitted.Reference).Decide(Households.Refuse("Agent de test", " ")));
        Assert.Equal("motif-refus", Assert.Single(noReason.Problems).Field);
        Assert.Equal(DossierChangeState.Submitted, (await households.Request(submitted.Reference).Get())!.State);

        var refused = await households.Request(submitted.Reference).Decide(Households.Refuse("Agent de test", "Le justificatif est au nom d'une autre personne."));

        Assert.Equal(DossierChangeState.Refused, refused.State);
        Assert.Equal("Le justificatif est au nom d'une autre personne.", refused.Decision!.RefusalReason);
        Assert.False(refused.Applied);
        Assert.Equal(OldAddress, (await households.Household(household).Get())!.Address);
    }

    [Fact]
    public async Task Of_two_agents_deciding_at_once_one_decides_and_the_other_is_told_who_did_and_when()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("thomas", address: OldAddress);
        var submitted = await households.SubmitAddressAsync(household, NewAddress);
        var request = households.Request(submitted.Reference);

        var accept = request.Decide(Households.Accept("Agent A"));
        var refuse = request.Decide(Households.Refuse("Agent B", "Justificatif illisible."));
        var outcomes = await Task.WhenAll(Outcome(accept), Outcome(refuse));

        var winner = Assert.Single(outcomes, o => o.View is not null).View!;
        var loser = Assert.Single(outcomes, o => o.Refusal is not null).Refusal!;
        var decision = winner.Decision!;
        Assert.Equal(DossierDecisions.AlreadyDecided(decision.AgentName, decision.At, winner.State), loser.Message);
        Assert.StartsWith($"Cette demande a déjà été traitée par {decision.AgentName} le ", loser.Message);
        var stored = (await request.Get())!;
        Assert.Equal((winner.State, decision.AgentName), (stored.State, stored.Decision!.AgentName));
        Assert.Single(stored.History, e => e.State.IsDecided());
        Assert.Equal(winner.State == DossierChangeState.Accepted ? NewAddress : OldAddress, (await households.Household(household).Get())!.Address);

        static async Task<(DossierChangeView? View, DossierChangeRefusedException? Refusal)> Outcome(Task<DossierChangeView> decision)
        {
            try
            {
                return (await decision, null);
            }
            catch (DossierChangeRefusedException refused)
            {
                return (null, refused);
            }
        }
    }

    [Fact]
    public async Task The_same_decision_sent_again_answers_the_same_and_another_is_refused()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("robert", address: OldAddress);
        var submitted = await households.SubmitAddressAsync(household, NewAddress);
        var request = households.Request(submitted.Reference);

        var first = await request.Decide(Households.Accept("Agent A", operation: "decide-1"));
        var again = await request.Decide(Households.Accept("Agent A", operation: "decide-1"));
        var other = await Assert.ThrowsAsync<DossierChangeRefusedException>(() => request.Decide(Households.Accept("Agent A", operation: "decide-2")));

        Assert.Equal(first.Decision, again.Decision);
        Assert.Equal(first.History.Count, again.History.Count);
        Assert.Equal(DossierDecisions.AlreadyDecided("Agent A", first.Decision!.At, DossierChangeState.Accepted), other.Message);
    }

    [Fact]
    public async Task A_submission_sent_again_is_one_request()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("richard", address: OldAddress);

        var first = await households.SubmitAsync(household, DossierChangeKind.Address, address: NewAddress, operation: "form-1");
        var again = await households.SubmitAsync(household, DossierChangeKind.Address, address: NewAddress, operation: "form-1");

        Assert.Equal(first.Reference, again.Reference);
        Assert.Single(await households.Queue.List());
        Assert.Equal([first.Reference], await households.Household(household).GetRequestReferences());
    }

    [Fact]
    public async Task An_accepted_new_child_joins_the_household()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var household = await households.CreateAsync("durand", children: ["Léa"]);
        var submitted = await households.SubmitAsync(household, DossierChangeKind.NewChild, child: new ProposedChildRecord("Noé", "Durand", new DateOnly(2026, 10, 1), ""));
        Assert.Single((await households.Household(household).Get())!.ChildIds);

        await households.Request(submitted.Reference).Decide(Households.Accept("Agent de test"));

        var childIds = (await households.Household(household).Get())!.ChildIds;
        Assert.Equal(2, childIds.Count);
        var noe = await fixture.Grains.GetGrain<IHouseholdChildGrain>(childIds[1]).Get();
        Assert.Equal(("Noé", "Durand", new DateOnly(2026, 10, 1)), (noe!.FirstName, noe.LastName, noe.BirthDate));
    }

    [Fact]
    public async Task An_accepted_custody_puts_the_child_in_both_households_and_nothing_else_of_either()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var mother = await households.CreateAsync("moreau", address: OldAddress, children: ["Léa"]);
        var father = await households.CreateAsync("simon", address: NewAddress);
        var childId = mother.ChildIds[0];
        var submitted = await households.SubmitAsync(mother, DossierChangeKind.Custody,
            custody: new ProposedCustodyRecord(childId, "Léa moreau", households.Email("simon"), CustodyArrangement.ResidesWithApplicant));
        Assert.Empty((await households.Household(father).Get())!.ChildIds);

        await households.Request(submitted.Reference).Decide(Households.Accept("Agent de test"));

        Assert.Equal([childId], (await households.Household(father).Get())!.ChildIds);
        Assert.Equal([childId], (await households.Household(mother).Get())!.ChildIds);
        var child = (await fixture.Grains.GetGrain<IHouseholdChildGrain>(childId).Get())!;
        Assert.Equal([mother.HouseholdId, father.HouseholdId], child.HouseholdIds);
        Assert.Equal((CustodyArrangement.ResidesWithApplicant, mother.HouseholdId), (child.Custody, child.ResidesWithHouseholdId));
        Assert.Equal(NewAddress, (await households.Household(father).Get())!.Address);
        Assert.Equal(OldAddress, (await households.Household(mother).Get())!.Address);
    }

    [Fact]
    public async Task A_custody_cannot_be_accepted_while_the_other_parent_has_no_household()
    {
        var households = new Households(fixture.Grains, fixture.Time);
        var mother = await households.CreateAsync("laurent", children: ["Zoé"]);
        var submitted = await households.SubmitAsync(mother, DossierChangeKind.Custody,
            custody: new ProposedCustodyRecord(mother.ChildIds[0], "Zoé laurent", households.Email("nobody"), CustodyArrangement.Alternating));

        var refused = await Assert.ThrowsAsync<DossierChangeRefusedException>(() => households.Request(submitted.Reference).Decide(Households.Accept("Agent de test")));

        Assert.StartsWith($"L'adresse {households.Email("nobody")} n'est celle d'aucun compte CarteValoise ayant un dossier famille", refused.Message);
        Assert.Equal(DossierChangeState.Submitted, (await households.Request(submitted.Reference).Get())!.State);
        Assert.Equal([mother.HouseholdId], (await fixture.Grains.GetGrain<IHouseholdChildGrain>(mother.ChildIds[0]).Get())!.HouseholdIds);
    }
}

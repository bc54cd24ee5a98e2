using CarteValoise.Domain.Access;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.Household;
using CarteValoise.Grains.Identity;

namespace CarteValoise.Grains.Tests.Household;

/// <summary>
/// Households, accounts and change requests of one test, under ids of their own (a fresh suffix),
/// so that tests sharing the silo never see each other's grains.
/// </summary>
public sealed class Households(IGrainFactory grains, TimeProvider time)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A commune code of this test only: its request numbers start at 1.</summary>
    public string Commune => $"T{_suffix}";

    public string Email(string who) => $"{who}.{_suffix}@exemple.fr";

    /// <summary>An account (its id is its email, as the platform keys them) with a household of one adult.</summary>
    public async Task<HouseholdRecord> CreateAsync(string who, string? familyId = null, HouseholdAddressRecord? address = null, params string[] children)
    {
        var email = Email(who);
        await grains.GetGrain<IAccountGrain>(email).Save(new AccountRecord(email, email, $"Parent {who}", "", CallerRole.Parent, [Commune], familyId));
        var holder = new HouseholdAdultRecord("a1", "Claire", who, new DateOnly(1985, 3, 12), AdultRelationship.Parent, email, "06 12 34 56 78", "", "", email);
        var draft = new HouseholdRecord("", Commune, familyId, address, [holder], [], time.GetUtcNow(), email);
        var childDrafts = children.Select(name => new HouseholdChildRecord("", name, who, new DateOnly(2018, 5, 1), "École de test", [])).ToList();
        return await grains.GetGrain<IHouseholdIndexGrain>(email).CreateHousehold(draft, childDrafts);
    }

    public IHouseholdGrain Household(HouseholdRecord household) => grains.GetGrain<IHouseholdGrain>(household.HouseholdId);

    public IDossierChangeGrain Request(string reference) => grains.GetGrain<IDossierChangeGrain>(reference);

    public IDossierChangeQueueGrain Queue => grains.GetGrain<IDossierChangeQueueGrain>(Commune);

    public Task<DossierChangeView> SubmitAddressAsync(HouseholdRecord household, HouseholdAddressRecord address) =>
        SubmitAsync(household, DossierChangeKind.Address, address: address);

    public async Task<DossierChangeView> SubmitAsync(HouseholdRecord household, DossierChangeKind kind,
        HouseholdAddressRecord? address = null, ProposedChildRecord? child = null, ProposedCustodyRecord? custody = null, string? operation = null)
    {
        var key = $"{household.HolderAccountId}:{operation ?? Guid.NewGuid().ToString("N")}";
        var reference = await Queue.Allocate(key, 2026);
        return await Request(reference).Submit(new DossierChangeSubmission(reference, Commune, household.HouseholdId, household.HolderAccountId,
            "Claire " + household.Adults[0].LastName, household.HolderAccountId, kind, address, child, custody, [], "", time.GetUtcNow(), key, household.Address));
    }

    public static DossierDecision Accept(string agent, string? operation = null) =>
        new(operation ?? Guid.NewGuid().ToString("N"), true, $"{agent}@mairie.fr", agent, "");

    public static DossierDecision Refuse(string agent, string reason, string? operation = null) =>
        new(operation ?? Guid.NewGuid().ToString("N"), false, $"{agent}@mairie.fr", agent, reason);
}

using CarteValoise.Domain.Access;
using CarteValoise.Domain.Household;
using CarteValoise.Grains;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Household;
using CarteValoise.Grains.Identity;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// Finds a citizen's household and what hangs from it (children, requests, commune names). A citizen
/// whose account is linked to a commune's family and who has no household yet gets one prefilled
/// from that family, the first time anything asks for it: the commune already knows them.
/// </summary>
public sealed class HouseholdDirectory(IGrainFactory grains, TimeProvider time)
{
    public async Task<HouseholdRecord?> OfAccount(string accountId)
    {
        var householdId = await grains.GetGrain<IHouseholdIndexGrain>(accountId).GetHouseholdId();
        return householdId is null ? null : await grains.GetGrain<IHouseholdGrain>(householdId).Get();
    }

    /// <summary>The caller's household, made from their commune's family if they have one and no household yet.</summary>
    public async Task<HouseholdRecord?> OfCitizen(Caller caller)
    {
        if (await OfAccount(caller.AccountId) is { } household) return household;
        if (caller.FamilyId is null) return null;
        var account = await grains.GetGrain<IAccountGrain>(caller.AccountId).Get();
        return await CreateFromFamily(caller.AccountId, caller.FamilyId, account?.Email ?? caller.AccountId, holder: null);
    }

    /// <summary>
    /// A household prefilled from the commune's family: its address, its children, and the account's
    /// holder as a parent bearing the family's name, phone and the account's email, or
    /// <paramref name="holder"/> when the caller knows more (the demo). Null when the family is unknown.
    /// </summary>
    public async Task<HouseholdRecord?> CreateFromFamily(string accountId, string familyId, string email, HouseholdAdultRecord? holder)
    {
        var familyGrain = grains.GetGrain<IFamilyGrain>(familyId);
        if (await familyGrain.GetProfile() is not { } family) return null;
        var children = (await Task.WhenAll((await familyGrain.GetChildIds()).Select(id => grains.GetGrain<IChildGrain>(id).GetProfile())))
            .OfType<ChildProfile>().ToList();
        var schools = new Dictionary<string, string>();
        foreach (var schoolId in children.Select(c => c.SchoolId).Distinct())
            if (await grains.GetGrain<ISchoolGrain>(schoolId).GetProfile() is { } school) schools[schoolId] = school.Name;

        var adult = (holder ?? new HouseholdAdultRecord("a1", "", family.Name, null, AdultRelationship.Parent, email, family.Phone, "", "")) with
        {
            AdultId = "a1",
            AccountId = accountId,
        };
        var address = family.Address.Length > 0 && family.PostalCode.Length > 0 && family.City.Length > 0
            ? new HouseholdAddressRecord(family.Address, family.PostalCode, family.City)
            : null;
        var draft = new HouseholdRecord("", family.CommuneCode, familyId, address, [adult], [], time.GetUtcNow(), accountId);
        var childDrafts = children.OrderBy(c => c.BirthDate).ThenBy(c => c.FirstName, StringComparer.Ordinal)
            .Select(c => new HouseholdChildRecord("", c.FirstName, c.LastName, c.BirthDate, schools.GetValueOrDefault(c.SchoolId, ""), [], CommuneChildId: c.ChildId))
            .ToList();
        return await grains.GetGrain<IHouseholdIndexGrain>(accountId).CreateHousehold(draft, childDrafts);
    }

    public async Task<IReadOnlyList<HouseholdChildRecord>> Children(HouseholdRecord household) =>
        (await Task.WhenAll(household.ChildIds.Select(id => grains.GetGrain<IHouseholdChildGrain>(id).Get()))).OfType<HouseholdChildRecord>().ToList();

    /// <summary>The household's change requests, newest first.</summary>
    public async Task<IReadOnlyList<DossierChangeView>> Requests(HouseholdRecord household)
    {
        var references = await grains.GetGrain<IHouseholdGrain>(household.HouseholdId).GetRequestReferences();
        var views = await Task.WhenAll(references.Select(r => grains.GetGrain<IDossierChangeGrain>(r).Get()));
        return [.. views.OfType<DossierChangeView>().OrderByDescending(v => v.Submission.SubmittedAt)];
    }

    public Task<IReadOnlyDictionary<string, string>> CommuneNames() =>
        grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();
}

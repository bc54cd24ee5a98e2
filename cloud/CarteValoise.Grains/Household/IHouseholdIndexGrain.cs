using Orleans.Concurrency;

namespace CarteValoise.Grains.Household;

/// <summary>Which household an account belongs to, keyed by account id: one household per account.</summary>
public interface IHouseholdIndexGrain : IGrainWithStringKey
{
    [ReadOnly] Task<string?> GetHouseholdId();

    /// <summary>
    /// The account's household: the one it has, or the household made now from <paramref name="draft"/>
    /// (its id is chosen here) with these children. Safe to repeat and to call twice at once: an account
    /// never ends up with two households.
    /// </summary>
    Task<HouseholdRecord> CreateHousehold(HouseholdRecord draft, IReadOnlyList<HouseholdChildRecord> children);
}

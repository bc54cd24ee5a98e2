using CarteValoise.Domain.Household;
using Orleans.Concurrency;

namespace CarteValoise.Grains.Household;

/// <summary>A child of the household dossier, keyed by its own id, so that two households can share it.</summary>
public interface IHouseholdChildGrain : IGrainWithStringKey
{
    /// <summary>Creates the child; a child that exists is returned unchanged.</summary>
    Task<HouseholdChildRecord> Create(HouseholdChildRecord child);

    [ReadOnly] Task<HouseholdChildRecord?> Get();

    /// <summary>Records the child in a second household under a custody; idempotent.</summary>
    Task<HouseholdChildRecord> ShareWith(string householdId, CustodyArrangement arrangement, string? residesWithHouseholdId);
}

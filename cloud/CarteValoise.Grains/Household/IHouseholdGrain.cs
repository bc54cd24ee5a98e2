using Orleans.Concurrency;

namespace CarteValoise.Grains.Household;

/// <summary>A household, keyed by household id: its adults and address, its children's ids, its change requests.</summary>
public interface IHouseholdGrain : IGrainWithStringKey
{
    /// <summary>Creates the household with its children (each in its own grain); a household that exists is returned unchanged.</summary>
    Task<HouseholdRecord> Create(HouseholdRecord household, IReadOnlyList<HouseholdChildRecord> children);

    [ReadOnly] Task<HouseholdRecord?> Get();

    /// <summary>
    /// A simple change, applied at once: the adult <paramref name="adult"/> names (a new adult when
    /// its id is empty). Once per operation id. The holder's phone and email reach the linked family.
    /// </summary>
    Task<HouseholdRecord> SaveAdult(string operationId, HouseholdAdultRecord adult);

    /// <summary>Lists a change request of the household; idempotent.</summary>
    Task AddRequest(string reference);

    [ReadOnly] Task<IReadOnlyList<string>> GetRequestReferences();

    /// <summary>Applies an accepted change, once per request reference, to this household (and the other one for a custody).</summary>
    Task<HouseholdRecord> ApplyChange(AcceptedChange change);

    /// <summary>Takes in a child shared by another household (an accepted custody); once per request reference.</summary>
    Task<HouseholdRecord> AddSharedChild(string reference, string childId);
}

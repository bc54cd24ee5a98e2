using CarteValoise.Domain.Household;

namespace CarteValoise.Grains.Household;

[GenerateSerializer]
public sealed class HouseholdChildState
{
    [Id(0)] public HouseholdChildRecord? Child { get; set; }
}

public sealed class HouseholdChildGrain(
    [PersistentState("householdChild", GrainKeys.StorageName)] IPersistentState<HouseholdChildState> state) : Grain, IHouseholdChildGrain
{
    public async Task<HouseholdChildRecord> Create(HouseholdChildRecord child)
    {
        if (state.State.Child is { } existing) return existing;
        state.State.Child = child with { ChildId = this.GetPrimaryKeyString() };
        await Save(previous: null);
        return state.State.Child;
    }

    public Task<HouseholdChildRecord?> Get() => Task.FromResult(state.State.Child);

    public async Task<HouseholdChildRecord> ShareWith(string householdId, CustodyArrangement arrangement, string? residesWithHouseholdId)
    {
        var child = state.State.Child ?? throw new DossierChangeRefusedException("Cet enfant n'existe pas dans le dossier.");
        if (child.HouseholdIds.Contains(householdId) && child.Custody == arrangement && child.ResidesWithHouseholdId == residesWithHouseholdId) return child;
        var shared = child with
        {
            HouseholdIds = child.HouseholdIds.Contains(householdId) ? child.HouseholdIds : [.. child.HouseholdIds, householdId],
            Custody = arrangement,
            ResidesWithHouseholdId = residesWithHouseholdId,
        };
        state.State.Child = shared;
        await Save(child);
        return shared;
    }

    private async Task Save(HouseholdChildRecord? previous)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Child = previous;
            throw;
        }
    }
}

namespace CarteValoise.Grains.Household;

[GenerateSerializer]
public sealed class HouseholdIndexState
{
    [Id(0)] public string? HouseholdId { get; set; }
    /// <summary>The id chosen for a household being created: a creation cut short is finished under the same id.</summary>
    [Id(1)] public string? PendingHouseholdId { get; set; }
}

public sealed class HouseholdIndexGrain(
    [PersistentState("householdIndex", GrainKeys.StorageName)] IPersistentState<HouseholdIndexState> state) : Grain, IHouseholdIndexGrain
{
    public Task<string?> GetHouseholdId() => Task.FromResult(state.State.HouseholdId);

    public async Task<HouseholdRecord> CreateHousehold(HouseholdRecord draft, IReadOnlyList<HouseholdChildRecord> children)
    {
        if (state.State.HouseholdId is { } existing)
            return await GrainFactory.GetGrain<IHouseholdGrain>(existing).Get()
                ?? throw new InvalidOperationException($"The household {existing} of account {this.GetPrimaryKeyString()} is missing.");
        if (state.State.PendingHouseholdId is null)
        {
            state.State.PendingHouseholdId = $"foyer-{Guid.NewGuid():N}";
            await state.WriteStateAsync();
        }
        var householdId = state.State.PendingHouseholdId;
        var created = await GrainFactory.GetGrain<IHouseholdGrain>(householdId).Create(draft with { HouseholdId = householdId }, children);
        state.State.HouseholdId = householdId;
        state.State.PendingHouseholdId = null;
        await state.WriteStateAsync();
        return created;
    }
}

namespace CarteValoise.Grains.Identity;

[GenerateSerializer]
public sealed class FranceConnectSubjectState
{
    [Id(0)] public string? AccountId { get; set; }
}

public sealed class FranceConnectSubjectGrain(
    [PersistentState("franceconnect-subject", GrainKeys.StorageName)] IPersistentState<FranceConnectSubjectState> state)
    : Grain, IFranceConnectSubjectGrain
{
    public Task<string?> GetAccount() => Task.FromResult(state.State.AccountId);

    public async Task<string> Link(string accountId)
    {
        if (state.State.AccountId is { } linked) return linked;
        state.State.AccountId = accountId;
        await state.WriteStateAsync();
        return accountId;
    }
}

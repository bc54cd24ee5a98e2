namespace CarteValoise.Grains.Identity;

[GenerateSerializer]
public sealed class AccountTokenState
{
    [Id(0)] public string? AccountId { get; set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
}

public sealed class AccountTokenGrain(
    [PersistentState("account-token", GrainKeys.StorageName)] IPersistentState<AccountTokenState> state,
    TimeProvider time) : Grain, IAccountTokenGrain
{
    public async Task Bind(string accountId, DateTimeOffset expiresAt)
    {
        state.State.AccountId = accountId;
        state.State.ExpiresAt = expiresAt;
        await state.WriteStateAsync();
    }

    public Task<string?> GetAccount() =>
        Task.FromResult(state.State.AccountId is { } account && state.State.ExpiresAt > time.GetUtcNow() ? account : null);

    public async Task Forget()
    {
        if (state.State.AccountId is null) return;
        await state.ClearStateAsync();
    }
}

namespace CarteValoise.Grains.Identity;

[GenerateSerializer]
public sealed class AccountState
{
    [Id(0)] public AccountRecord? Account { get; set; }
}

public sealed class AccountGrain(
    [PersistentState("account", GrainKeys.StorageName)] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    public async Task Save(AccountRecord account)
    {
        state.State.Account = account;
        await state.WriteStateAsync();
    }

    public Task<AccountRecord?> Get() => Task.FromResult(state.State.Account);
}

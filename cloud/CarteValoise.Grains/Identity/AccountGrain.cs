using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Identity;

/// <summary>
/// One account. Every change is one write of the whole state, made before the answer; reads
/// (the session check of every call among them) come from memory and write nothing.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", GrainKeys.StorageName)] IPersistentState<AccountState> state,
    TimeProvider time) : Grain, IAccountGrain
{
    private AccountState State => state.State;

    private DateTimeOffset Now => time.GetUtcNow();

    public async Task Save(AccountRecord account)
    {
        State.Account = account;
        State.CreatedAt ??= Now;
        State.AwaitingVerification = false;
        await state.WriteStateAsync();
    }

    public Task<AccountRecord?> Get() => Task.FromResult(State.Account);

    public Task<AccountOverview?> GetOverview() => Task.FromResult(State.Account is { } account
        ? new AccountOverview(account, !State.AwaitingVerification, State.CreatedAt, State.TotpSecret is not null,
            State.TotpSecret is null ? 0 : State.RecoveryCodeHashes.Count, State.FranceConnectSubject, LockedUntil())
        : null);

    public async Task<bool> Register(AccountRecord account)
    {
        if (State.Account is not null) return false;
        State.Account = account;
        State.CreatedAt = Now;
        State.PasswordChangedAt = Now;
        State.AwaitingVerification = true;
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> CreateFromFranceConnect(AccountRecord account, string subject)
    {
        if (State.Account is not null) return false;
        State.Account = account;
        State.CreatedAt = Now;
        State.AwaitingVerification = false;
        State.FranceConnectSubject = subject;
        await state.WriteStateAsync();
        return true;
    }

    public async Task LinkFranceConnect(string subject)
    {
        if (State.Account is null) throw new InvalidOperationException($"Le compte {this.GetPrimaryKeyString()} n'existe pas.");
        if (State.FranceConnectSubject == subject) return;
        State.FranceConnectSubject = subject;
        await state.WriteStateAsync();
    }

    public async Task<DateTimeOffset?> RecordFailure()
    {
        var now = Now;
        var throttle = Throttle().Failed(now);
        Keep(throttle);
        await state.WriteStateAsync();
        return throttle.IsLocked(now) ? throttle.LockedUntil : null;
    }

    private SignInThrottle Throttle() => new(State.RecentFailures, State.Lockouts, State.LockedUntil);

    private DateTimeOffset? LockedUntil() => Throttle().IsLocked(Now) ? State.LockedUntil : null;

    private void Keep(SignInThrottle throttle)
    {
        State.RecentFailures = [.. throttle.RecentFailures];
        State.Lockouts = throttle.Lockouts;
        State.LockedUntil = throttle.LockedUntil;
    }
}

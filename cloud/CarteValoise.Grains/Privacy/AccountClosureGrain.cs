using CarteValoise.Domain.Privacy;

namespace CarteValoise.Grains.Privacy;

[GenerateSerializer]
public sealed class AccountClosureGrainState
{
    [Id(0)] public AccountClosureRecord? Closure { get; set; }
    /// <summary>The last operations applied, oldest first, with their answer: a form sent again applies once.</summary>
    [Id(1)] public List<AppliedClosureOperation> Applied { get; set; } = [];
}

[GenerateSerializer, Immutable]
public sealed record AppliedClosureOperation([property: Id(0)] string OperationId, [property: Id(1)] AccountClosureChange Answer);

/// <summary>
/// The closure request of one account: asked, cancelled, acknowledged. The 30 days' rule is the
/// Domain's (<see cref="AccountClosureRules"/>); this grain keeps the dates and remembers operations.
/// </summary>
public sealed class AccountClosureGrain(
    [PersistentState("accountclosure", GrainKeys.StorageName)] IPersistentState<AccountClosureGrainState> state,
    TimeProvider time) : Grain, IAccountClosureGrain
{
    // A browser's back button resends a form minutes later, not after dozens of other requests.
    private const int OperationsRemembered = 50;

    public Task<AccountClosureChange> Request(string operationId) =>
        Apply(operationId, now => AccountClosureRules.Request(state.State.Closure?.ToDomain(), now));

    public Task<AccountClosureChange> Cancel(string operationId) =>
        Apply(operationId, now => AccountClosureRules.Cancel(state.State.Closure?.ToDomain(), now));

    public Task<AccountClosureRecord?> Get() => Task.FromResult(state.State.Closure);

    public async Task MarkAcknowledged(DateTimeOffset requestedAt)
    {
        if (state.State.Closure is not { AcknowledgedAt: null } closure || closure.RequestedAt != requestedAt) return;
        state.State.Closure = closure with { AcknowledgedAt = time.GetUtcNow() };
        await state.WriteStateAsync();
    }

    private async Task<AccountClosureChange> Apply(string operationId, Func<DateTimeOffset, AccountClosureDecision> decide)
    {
        if (string.IsNullOrWhiteSpace(operationId))
            throw new ArgumentException("Chaque demande porte un identifiant d'opération.", nameof(operationId));
        if (state.State.Applied.FirstOrDefault(a => a.OperationId == operationId) is { } applied) return applied.Answer;

        var former = state.State.Closure;
        var decision = decide(time.GetUtcNow());
        var closure = decision.Closure is null ? null : Kept(decision.Closure, former);
        var answer = new AccountClosureChange(closure, decision.Refusal);
        state.State.Closure = closure;
        state.State.Applied.Add(new AppliedClosureOperation(operationId, answer));
        if (state.State.Applied.Count > OperationsRemembered) state.State.Applied.RemoveRange(0, state.State.Applied.Count - OperationsRemembered);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Closure = former;
            state.State.Applied.RemoveAll(a => a.OperationId == operationId);
            throw;
        }
        return answer;
    }

    /// <summary>
    /// The same request (unchanged, or now cancelled) keeps its acknowledgement; a new one, even made
    /// at the same instant as a cancelled one, has none yet.
    /// </summary>
    private static AccountClosureRecord Kept(AccountClosure closure, AccountClosureRecord? former) =>
        new(closure.RequestedAt, closure.CancelledAt,
            former is not null && former.RequestedAt == closure.RequestedAt && (former.CancelledAt is null || closure.CancelledAt is not null)
                ? former.AcknowledgedAt
                : null);
}

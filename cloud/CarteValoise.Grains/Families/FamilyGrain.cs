using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Grains.Communes;

namespace CarteValoise.Grains.Families;

[GenerateSerializer]
public sealed class FamilyState
{
    [Id(0)] public FamilyProfile? Profile { get; set; }
    [Id(1)] public List<string> ChildIds { get; set; } = [];
    /// <summary>The account's only truth: the balance is always their sum.</summary>
    [Id(2)] public List<BalanceMovementRecord> Movements { get; set; } = [];
    [Id(3)] public int KioskPinFailures { get; set; }
    [Id(4)] public DateTimeOffset KioskLastFailureAt { get; set; }
    /// <summary>Monthly invoices issued to the family, by number; never recomputed once issued.</summary>
    [Id(5)] public List<IssuedInvoice> Invoices { get; set; } = [];
    /// <summary>The balance level last warned about, so a warning is given once per crossing.</summary>
    [Id(6)] public string? LastWarnedLevel { get; set; }
}

public sealed partial class FamilyGrain(
    [PersistentState("family", GrainKeys.StorageName)] IPersistentState<FamilyState> state,
    TimeProvider time) : Grain, IFamilyGrain
{
    private HashSet<string>? _operationIds;
    private bool _dirty;

    private HashSet<string> OperationIds => _operationIds ??= state.State.Movements.Select(m => m.OperationId).ToHashSet();

    public async Task Register(FamilyProfile profile)
    {
        if (state.State.Profile == profile) return;
        state.State.Profile = profile;
        await Save();
    }

    public Task<FamilyProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task AddChild(string childId)
    {
        if (state.State.ChildIds.Contains(childId)) return;
        state.State.ChildIds.Add(childId);
        await Save();
    }

    public Task<IReadOnlyList<string>> GetChildIds() => Task.FromResult<IReadOnlyList<string>>(state.State.ChildIds.ToList());

    public async Task<long> ChargeService(string operationId, ServiceCharge charge)
    {
        if (OperationIds.Contains(operationId))
            return -state.State.Movements.First(m => m.OperationId == operationId).AmountCents;
        var profile = state.State.Profile ?? throw new InvalidOperationException($"La famille {this.GetPrimaryKeyString()} n'existe pas.");
        var commune = await GrainFactory.GetGrain<ICommuneGrain>(profile.CommuneCode).GetProfile()
            ?? throw new InvalidOperationException($"La commune {profile.CommuneCode} n'est pas configurée.");
        var price = commune.MealTariff().PriceFor(profile.QuotientFamilial);
        var label = $"Repas de {charge.ChildFirstName} le {ServiceDay.Of(charge.TakenAt):dd/MM/yyyy}";
        state.State.Movements.Add(new BalanceMovementRecord(operationId, charge.TakenAt, label, -price));
        OperationIds.Add(operationId);
        _dirty = true;
        return price;
    }

    public Task Flush() => _dirty ? Save() : Task.CompletedTask;

    /// <summary>Every write carries the whole state, meal charges kept in memory included.</summary>
    private async Task Save()
    {
        await state.WriteStateAsync();
        _dirty = false;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public async Task Credit(string operationId, long amountCents, string label)
    {
        if (amountCents <= 0) throw new ArgumentOutOfRangeException(nameof(amountCents), "Un crédit doit être positif.");
        if (OperationIds.Contains(operationId)) return;
        await Append(new BalanceMovementRecord(operationId, time.GetUtcNow(), label, amountCents));
    }

    public Task<FamilyAccount> GetAccount() =>
        Task.FromResult(new FamilyAccount(state.State.Movements.Sum(m => m.AmountCents), state.State.Movements.ToList()));

    public Task SetQuotientFamilial(int quotientFamilial, DateOnly justifiedOn) => throw new NotImplementedException();

    public Task<DateTimeOffset?> GetKioskLockout()
    {
        var until = KioskPinPolicy.LockedUntil(state.State.KioskPinFailures, state.State.KioskLastFailureAt);
        return Task.FromResult(until > time.GetUtcNow() ? until : null);
    }

    public async Task RecordKioskPinAttempt(bool succeeded)
    {
        if (succeeded)
        {
            if (state.State.KioskPinFailures == 0) return;
            state.State.KioskPinFailures = 0;
        }
        else
        {
            // A lockout that has run out starts a fresh count.
            if (KioskPinPolicy.LockedUntil(state.State.KioskPinFailures, state.State.KioskLastFailureAt) <= time.GetUtcNow())
                state.State.KioskPinFailures = 0;
            state.State.KioskPinFailures++;
            state.State.KioskLastFailureAt = time.GetUtcNow();
        }
        await Save();
    }

    private async Task Append(BalanceMovementRecord movement)
    {
        state.State.Movements.Add(movement);
        try
        {
            await Save();
        }
        catch
        {
            // Not durable, so not applied: the caller retries with the same operation id.
            state.State.Movements.Remove(movement);
            throw;
        }
        OperationIds.Add(movement.OperationId);
    }
}

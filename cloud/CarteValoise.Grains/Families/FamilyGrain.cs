using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
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
    private CanteenRulesVersion? _rulesVersion;
    private CanteenRules? _rules;

    private HashSet<string> OperationIds => _operationIds ??= state.State.Movements.Select(m => m.OperationId).ToHashSet();

    public async Task Register(FamilyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.QuotientFamilial is { } qf && QuotientFamilialRange.ProblemWith(qf) is { } outOfRange) throw new ArgumentException(outOfRange);
        if (string.IsNullOrWhiteSpace(profile.CommuneCode))
            throw new ArgumentException($"La famille {profile.Name} doit être rattachée à une commune.");
        var known = state.State.Profile;
        // A profile re-sent without the justification's date (an import, an edit of the address)
        // keeps the date of the quotient it already had.
        if (known is not null && profile.QuotientFamilialJustifiedOn is null && profile.QuotientFamilial == known.QuotientFamilial)
            profile = profile with { QuotientFamilialJustifiedOn = known.QuotientFamilialJustifiedOn };
        if (known != profile)
        {
            state.State.Profile = profile;
            try
            {
                await Save();
            }
            catch
            {
                state.State.Profile = known;
                throw;
            }
        }
        // Every time, not only on a change: a first call that stored the family but failed here is completed by its retry.
        await GrainFactory.GetGrain<ICommuneGrain>(profile.CommuneCode).AddFamily(this.GetPrimaryKeyString());
    }

    public async Task SetQuotientFamilial(int quotientFamilial, DateOnly justifiedOn)
    {
        var profile = state.State.Profile ?? throw new InvalidOperationException($"La famille {this.GetPrimaryKeyString()} n'existe pas.");
        if (QuotientFamilialRange.ProblemWith(quotientFamilial) is { } outOfRange) throw new ArgumentException(outOfRange);
        if (justifiedOn > ServiceDay.Today(time))
            throw new ArgumentException($"Le justificatif du quotient familial ne peut pas être daté du {FrenchText.Day(justifiedOn)}, après aujourd'hui : vérifiez la date du document.");
        if (profile.QuotientFamilial == quotientFamilial && profile.QuotientFamilialJustifiedOn == justifiedOn) return;
        state.State.Profile = profile with { QuotientFamilial = quotientFamilial, QuotientFamilialJustifiedOn = justifiedOn };
        try
        {
            await Save();
        }
        catch
        {
            state.State.Profile = profile;
            throw;
        }
    }

    public Task<FamilyProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task AddChild(string childId)
    {
        if (state.State.ChildIds.Contains(childId)) return;
        state.State.ChildIds.Add(childId);
        await Save();
    }

    public Task<IReadOnlyList<string>> GetChildIds() => Task.FromResult<IReadOnlyList<string>>(state.State.ChildIds.ToList());

    /// <summary>
    /// At the tariff in force in the commune, as one movement per tap: «Cantine de Léa le 03/12/2026»,
    /// and for a service taken without reservation «…, sans réservation (majoration de 1,00 €)» with the
    /// surcharge included — one tap, one line, one operation id. Debited whatever the balance: the
    /// child has been served. Returns what was debited.
    /// </summary>
    public async Task<long> ChargeService(string operationId, ServiceCharge charge)
    {
        if (OperationIds.Contains(operationId)) return -state.State.Movements.First(m => m.OperationId == operationId).AmountCents;
        var profile = state.State.Profile ?? throw new InvalidOperationException($"La famille {this.GetPrimaryKeyString()} n'existe pas.");
        var rules = await Rules(profile.CommuneCode);
        // Monthly communes bill from the taps at the month's close; a service without a tariff costs nothing.
        if (rules.BillingMode != BillingMode.PrepaidBalance || !rules.Tariffs.Has(charge.Service)) return 0;

        var quote = rules.Tariffs.For(charge.Service).Quote(new PricedFamily(profile.QuotientFamilial, profile.LivesOutsideCommune), charge.PaiHomeMeal, charge.Reserved);
        var label = $"{charge.Service.Label()} de {charge.ChildFirstName} le {ServiceDay.Of(charge.TakenAt):dd/MM/yyyy}"
            + (quote.SurchargeCents > 0 ? $", sans réservation (majoration de {FrenchText.Euros(quote.SurchargeCents)})" : "");
        var debit = rules.Prepaid.DebitAtTap(state.State.Movements.Sum(m => m.AmountCents), quote.TotalCents);
        state.State.Movements.Add(new BalanceMovementRecord(operationId, charge.TakenAt, label, -debit.PriceCents));
        OperationIds.Add(operationId);
        _dirty = true;
        return debit.PriceCents;
    }

    /// <summary>The commune's rules in force, checked once per version rather than at every tap.</summary>
    private async Task<CanteenRules> Rules(string communeCode)
    {
        var inForce = await GrainFactory.GetGrain<ICommuneGrain>(communeCode).GetCanteenRules();
        // Version 0 follows the commune's profile, so it is compared whole; a saved version never changes.
        if (_rules is null || _rulesVersion!.Version != inForce.Version || (inForce.Version == 0 && !_rulesVersion.Rules.SameAs(inForce.Rules)))
        {
            _rules = inForce.Rules.ToDomain();
            _rulesVersion = inForce;
        }
        return _rules;
    }

    public async Task ChargeServicesDurably(IReadOnlyList<ServiceChargeOperation> charges)
    {
        foreach (var charge in charges) await ChargeService(charge.OperationId, charge.Charge);
        // Not dirty means what this activation holds is what storage holds: it read it or wrote it last.
        await Flush();
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

    /// <summary>The warning follows the balance for a prepaid commune; a commune billing monthly has none to give.</summary>
    public async Task<FamilyAccount> GetAccount()
    {
        var balance = state.State.Movements.Sum(m => m.AmountCents);
        if (state.State.Profile is not { } profile) return new FamilyAccount(balance, state.State.Movements.ToList());
        var rules = await Rules(profile.CommuneCode);
        var warning = rules.BillingMode == BillingMode.PrepaidBalance ? rules.Prepaid.Assess(balance).Warning : null;
        return new FamilyAccount(balance, state.State.Movements.ToList(), warning, rules.BillingMode);
    }

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

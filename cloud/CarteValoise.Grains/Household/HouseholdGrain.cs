using CarteValoise.Domain.Household;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Household;

[GenerateSerializer]
public sealed class HouseholdState
{
    [Id(0)] public HouseholdRecord? Household { get; set; }
    [Id(1)] public List<string> RequestReferences { get; set; } = [];
    /// <summary>The accepted requests applied here, by reference: each applies once, however often it is sent.</summary>
    [Id(2)] public List<string> AppliedReferences { get; set; } = [];
    /// <summary>The last simple changes' operation ids: a form sent twice applies once.</summary>
    [Id(3)] public List<string> RecentOperations { get; set; } = [];
}

public sealed class HouseholdGrain(
    [PersistentState("household", GrainKeys.StorageName)] IPersistentState<HouseholdState> state) : Grain, IHouseholdGrain
{
    /// <summary>How many simple changes' operation ids are remembered: far more than a citizen resends.</summary>
    private const int RememberedOperations = 200;

    /// <summary>A household of more adults is a typing slip, or not a household.</summary>
    public const int MaxAdults = 6;

    private string Id => this.GetPrimaryKeyString();

    public async Task<HouseholdRecord> Create(HouseholdRecord household, IReadOnlyList<HouseholdChildRecord> children)
    {
        if (state.State.Household is { } existing) return existing;
        // Children first, each under an id of this household: a creation cut short and repeated finds them made.
        var childIds = new List<string>();
        for (var i = 0; i < children.Count; i++)
        {
            var childId = $"{Id}-e{i + 1}";
            await GrainFactory.GetGrain<IHouseholdChildGrain>(childId).Create(children[i] with { ChildId = childId, HouseholdIds = [Id] });
            childIds.Add(childId);
        }
        var created = household with { HouseholdId = Id, ChildIds = childIds };
        await Change(s => s.Household = created);
        return created;
    }

    public Task<HouseholdRecord?> Get() => Task.FromResult(state.State.Household);

    public async Task<HouseholdRecord> SaveAdult(string operationId, HouseholdAdultRecord adult)
    {
        var household = Required();
        if (state.State.RecentOperations.Contains(operationId)) return household;
        HouseholdAdultRecord saved;
        List<HouseholdAdultRecord> adults;
        if (string.IsNullOrEmpty(adult.AdultId))
        {
            if (household.Adults.Count >= MaxAdults)
                throw new DossierChangeRefusedException($"Un foyer compte au plus {MaxAdults} adultes dans le dossier.");
            var next = household.Adults.Select(a => int.TryParse(a.AdultId.TrimStart('a'), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
            // An adult added by the citizen has no account of their own here: only the holder signs in as this household.
            saved = adult with { AdultId = $"a{next}", AccountId = null };
            adults = [.. household.Adults, saved];
        }
        else
        {
            var known = household.Adults.FirstOrDefault(a => a.AdultId == adult.AdultId)
                ?? throw new DossierChangeRefusedException("Cet adulte ne fait pas partie de votre foyer.");
            saved = adult with { AccountId = known.AccountId };
            adults = [.. household.Adults.Select(a => a.AdultId == known.AdultId ? saved : a)];
        }
        var updated = household with { Adults = adults };
        await Change(s =>
        {
            s.Household = updated;
            s.RecentOperations.Add(operationId);
            if (s.RecentOperations.Count > RememberedOperations) s.RecentOperations.RemoveRange(0, s.RecentOperations.Count - RememberedOperations);
        });
        if (saved.AccountId is not null && saved.AccountId == household.HolderAccountId) await ShareContactWithFamily(updated, saved);
        return updated;
    }

    public async Task AddRequest(string reference)
    {
        Required();
        if (state.State.RequestReferences.Contains(reference)) return;
        await Change(s => s.RequestReferences.Add(reference));
    }

    public Task<IReadOnlyList<string>> GetRequestReferences() => Task.FromResult<IReadOnlyList<string>>([.. state.State.RequestReferences]);

    public async Task<HouseholdRecord> ApplyChange(AcceptedChange change)
    {
        var household = Required();
        if (state.State.AppliedReferences.Contains(change.Reference)) return household;
        // What lives elsewhere first (each step idempotent), then this household in one write that marks
        // the request applied: a call cut short in between is completed by its retry.
        var updated = household;
        switch (change.Kind)
        {
            case DossierChangeKind.Address:
                var address = change.NewAddress ?? throw new ArgumentException("An address change without its address.", nameof(change));
                await MoveFamily(household.FamilyId, address);
                updated = household with { Address = address };
                break;
            case DossierChangeKind.NewChild:
                var proposed = change.NewChild ?? throw new ArgumentException("A new child without their details.", nameof(change));
                var childId = ChildIdFor(change.Reference);
                await GrainFactory.GetGrain<IHouseholdChildGrain>(childId).Create(
                    new HouseholdChildRecord(childId, proposed.FirstName, proposed.LastName, proposed.BirthDate, proposed.School, [Id]));
                updated = household with { ChildIds = household.ChildIds.Contains(childId) ? household.ChildIds : [.. household.ChildIds, childId] };
                break;
            case DossierChangeKind.Custody:
                // The child is already here; the request grain shares them with the other household.
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Not a change the commune checks.");
        }
        await Change(s =>
        {
            s.Household = updated;
            s.AppliedReferences.Add(change.Reference);
        });
        return updated;
    }

    public async Task<HouseholdRecord> AddSharedChild(string reference, string childId)
    {
        var household = Required();
        if (state.State.AppliedReferences.Contains(reference)) return household;
        var updated = household.ChildIds.Contains(childId) ? household : household with { ChildIds = [.. household.ChildIds, childId] };
        await Change(s =>
        {
            s.Household = updated;
            s.AppliedReferences.Add(reference);
        });
        return updated;
    }

    /// <summary>The child a new-child request creates: one per request.</summary>
    public static string ChildIdFor(string reference) => $"enfant-{reference}";

    private HouseholdRecord Required() =>
        state.State.Household ?? throw new DossierChangeRefusedException("Ce dossier famille n'existe pas.");

    /// <summary>An accepted address is the commune's family's address too (told once).</summary>
    private async Task MoveFamily(string? familyId, HouseholdAddressRecord address)
    {
        if (familyId is null) return;
        var family = GrainFactory.GetGrain<IFamilyGrain>(familyId);
        if (await family.GetProfile() is not { } profile) return;
        if (profile.Address == address.Street && profile.PostalCode == address.PostalCode && profile.City == address.City) return;
        await family.Register(profile with { Address = address.Street, PostalCode = address.PostalCode, City = address.City });
    }

    /// <summary>The holder's phone and email are how the commune reaches the family: they follow at once.</summary>
    private async Task ShareContactWithFamily(HouseholdRecord household, HouseholdAdultRecord holder)
    {
        if (household.FamilyId is null) return;
        var family = GrainFactory.GetGrain<IFamilyGrain>(household.FamilyId);
        if (await family.GetProfile() is not { } profile) return;
        var updated = profile with
        {
            Phone = holder.Phone.Length > 0 ? holder.Phone : profile.Phone,
            Email = holder.Email.Length > 0 ? holder.Email : profile.Email,
        };
        if (updated != profile) await family.Register(updated);
    }

    /// <summary>Applies a change to the state and writes it; the state is left as it was when the write fails.</summary>
    private async Task Change(Action<HouseholdState> change)
    {
        var before = new HouseholdState
        {
            Household = state.State.Household,
            RequestReferences = [.. state.State.RequestReferences],
            AppliedReferences = [.. state.State.AppliedReferences],
            RecentOperations = [.. state.State.RecentOperations],
        };
        change(state.State);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
    }
}

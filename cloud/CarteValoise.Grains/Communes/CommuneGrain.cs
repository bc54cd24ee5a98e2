using CarteValoise.Domain.Canteen;

namespace CarteValoise.Grains.Communes;

[GenerateSerializer]
public sealed class CommuneState
{
    [Id(0)] public CommuneProfile? Profile { get; set; }
    [Id(1)] public List<SchoolRef> Schools { get; set; } = [];
    [Id(2)] public List<string> BoxIds { get; set; } = [];
    /// <summary>Every saved version of the canteen rules, oldest first; never edited once saved.</summary>
    [Id(3)] public List<CanteenRulesVersion> RulesVersions { get; set; } = [];
    [Id(4)] public List<string> FamilyIds { get; set; } = [];
}

public sealed class CommuneGrain(
    [PersistentState("commune", GrainKeys.StorageName)] IPersistentState<CommuneState> state,
    TimeProvider time) : Grain, ICommuneGrain
{
    private HashSet<string>? _familyIds;
    private (CommuneProfile Profile, CanteenRulesVersion Version)? _defaults;

    private HashSet<string> FamilyIds => _familyIds ??= state.State.FamilyIds.ToHashSet(StringComparer.Ordinal);

    public async Task Configure(CommuneProfile profile)
    {
        if (state.State.Profile == profile) return;
        // Validates the tariff before anything is stored: a bad tariff is refused, not half-saved.
        _ = profile.MealTariff();
        state.State.Profile = profile;
        await state.WriteStateAsync();
    }

    public Task<CommuneProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    public async Task AddSchool(SchoolRef school)
    {
        var index = state.State.Schools.FindIndex(s => s.SchoolId == school.SchoolId);
        if (index >= 0 && state.State.Schools[index] == school) return;
        if (index >= 0) state.State.Schools[index] = school; else state.State.Schools.Add(school);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SchoolRef>> GetSchools() => Task.FromResult<IReadOnlyList<SchoolRef>>(state.State.Schools.ToList());

    public async Task RegisterBox(string boxId)
    {
        if (state.State.BoxIds.Contains(boxId)) return;
        state.State.BoxIds.Add(boxId);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetBoxIds() => Task.FromResult<IReadOnlyList<string>>(state.State.BoxIds.ToList());

    public Task<CanteenRulesVersion> GetCanteenRules() => Task.FromResult(Current());

    public async Task<CanteenRulesVersion> SaveCanteenRules(CanteenRulesRecord rules, string savedBy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (string.IsNullOrWhiteSpace(savedBy))
            throw new ArgumentException("Indiquez qui enregistre les règles : chaque version garde le nom de son auteur.", nameof(savedBy));
        // Checked whole against the commune's schools before anything is stored.
        var domain = rules.ToDomain(state.State.Schools);
        var normalized = rules.Normalized(domain);
        var current = Current();
        if (current.Rules.SameAs(normalized)) return current;

        var version = new CanteenRulesVersion(state.State.RulesVersions.Count + 1, time.GetUtcNow(), savedBy.Trim(), normalized);
        state.State.RulesVersions.Add(version);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not durable, so not in force: the agent saves again.
            state.State.RulesVersions.Remove(version);
            throw;
        }
        return version;
    }

    public Task<IReadOnlyList<CanteenRulesVersion>> GetCanteenRulesHistory() =>
        Task.FromResult<IReadOnlyList<CanteenRulesVersion>>(state.State.RulesVersions.ToList());

    public async Task AddFamily(string familyId)
    {
        if (string.IsNullOrWhiteSpace(familyId)) throw new ArgumentException("Une famille sans identifiant ne peut pas être rattachée à la commune.", nameof(familyId));
        if (!FamilyIds.Add(familyId)) return;
        state.State.FamilyIds.Add(familyId);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.FamilyIds.Remove(familyId);
            FamilyIds.Remove(familyId);
            throw;
        }
    }

    public Task<IReadOnlyList<string>> GetFamilyIds() => Task.FromResult<IReadOnlyList<string>>(state.State.FamilyIds.ToList());

    /// <summary>The last saved version, or version 0: the defaults made from the profile's meal tariff.</summary>
    private CanteenRulesVersion Current()
    {
        if (state.State.RulesVersions.Count > 0) return state.State.RulesVersions[^1];
        var profile = state.State.Profile
            ?? throw new InvalidOperationException($"La commune {this.GetPrimaryKeyString()} n'est pas configurée : ses règles de cantine ne sont pas encore définies.");
        // Kept while the profile stays the same: every tap of a commune without saved rules asks for it.
        if (_defaults?.Profile != profile) _defaults = (profile, new CanteenRulesVersion(0, DateTimeOffset.MinValue, "", CanteenRulesMapping.Defaults(profile)));
        return _defaults.Value.Version;
    }
}

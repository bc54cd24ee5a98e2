namespace CarteValoise.Grains.Communes;

[GenerateSerializer]
public sealed class CommuneState
{
    [Id(0)] public CommuneProfile? Profile { get; set; }
    [Id(1)] public List<SchoolRef> Schools { get; set; } = [];
    [Id(2)] public List<string> BoxIds { get; set; } = [];
}

public sealed class CommuneGrain(
    [PersistentState("commune", GrainKeys.StorageName)] IPersistentState<CommuneState> state) : Grain, ICommuneGrain
{
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

    public Task<CanteenRulesVersion> GetCanteenRules() => throw new NotImplementedException();
    public Task<CanteenRulesVersion> SaveCanteenRules(CanteenRulesRecord rules, string savedBy) => throw new NotImplementedException();
    public Task<IReadOnlyList<CanteenRulesVersion>> GetCanteenRulesHistory() => throw new NotImplementedException();
    public Task AddFamily(string familyId) => throw new NotImplementedException();
    public Task<IReadOnlyList<string>> GetFamilyIds() => throw new NotImplementedException();

    public Task<IReadOnlyList<string>> GetBoxIds() => Task.FromResult<IReadOnlyList<string>>(state.State.BoxIds.ToList());
}

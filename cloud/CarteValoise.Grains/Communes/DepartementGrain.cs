namespace CarteValoise.Grains.Communes;

[GenerateSerializer]
public sealed class DepartementState
{
    [Id(0)] public Dictionary<string, string> Communes { get; set; } = [];
}

public sealed class DepartementGrain(
    [PersistentState("departement", GrainKeys.StorageName)] IPersistentState<DepartementState> state) : Grain, IDepartementGrain
{
    public async Task RegisterCommune(string inseeCode, string name)
    {
        if (state.State.Communes.TryGetValue(inseeCode, out var known) && known == name) return;
        state.State.Communes[inseeCode] = name;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, string>> GetCommunes() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(state.State.Communes));
}

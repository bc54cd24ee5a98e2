namespace CarteValoise.Grains.Families;

[GenerateSerializer]
public sealed class AccessLogState
{
    [Id(0)] public List<AccessLogEntry> Entries { get; set; } = [];
}

public sealed class AccessLogGrain(
    [PersistentState("accesslog", GrainKeys.StorageName)] IPersistentState<AccessLogState> state) : Grain, IAccessLogGrain
{
    public async Task Record(AccessLogEntry entry)
    {
        state.State.Entries.Add(entry);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AccessLogEntry>> GetEntries() => Task.FromResult<IReadOnlyList<AccessLogEntry>>(state.State.Entries.ToList());
}

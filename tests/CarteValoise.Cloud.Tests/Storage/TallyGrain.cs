using Orleans.Runtime;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>A grain that keeps a running total in the storage under test.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    Task Add(int amount);
    Task<int> GetTotal();
    Task<int> GetEntryCount();
    Task<bool> IsStored();
    Task Clear();
}

[GenerateSerializer]
public sealed class TallyState
{
    [Id(0)] public int Total { get; set; }
    [Id(1)] public List<int> Entries { get; set; } = [];
}

// An explicit type name, so that another test folder's TallyGrain cannot collide with it.
[GrainType("storage-tests-tally")]
public sealed class TallyGrain(
    [PersistentState("tally", StorageCluster.StorageName)] IPersistentState<TallyState> state) : Grain, ITallyGrain
{
    public async Task Add(int amount)
    {
        state.State.Total += amount;
        state.State.Entries.Add(amount);
        await state.WriteStateAsync();
    }

    public Task<int> GetTotal() => Task.FromResult(state.State.Total);

    public Task<int> GetEntryCount() => Task.FromResult(state.State.Entries.Count);

    public Task<bool> IsStored() => Task.FromResult(state.RecordExists);

    public Task Clear() => state.ClearStateAsync();
}

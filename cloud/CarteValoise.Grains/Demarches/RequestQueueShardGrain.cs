namespace CarteValoise.Grains.Demarches;

[GenerateSerializer]
public sealed class RequestQueueShardState
{
    [Id(0)] public Dictionary<string, RequestSummary> Lines { get; set; } = [];
}

/// <summary>Where a slice of a commune's queue lines is durable; the queue reads its shards back at activation.</summary>
public sealed class RequestQueueShardGrain(
    [PersistentState("requestQueueShard", GrainKeys.StorageName)] IPersistentState<RequestQueueShardState> state) : Grain, IRequestQueueShardGrain
{
    public async Task Track(RequestSummary summary)
    {
        var previous = state.State.Lines.GetValueOrDefault(summary.Reference);
        if (previous is not null && (previous.Revision > summary.Revision || previous == summary)) return;
        state.State.Lines[summary.Reference] = summary;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (previous is null) state.State.Lines.Remove(summary.Reference);
            else state.State.Lines[summary.Reference] = previous;
            throw;
        }
    }

    public Task<IReadOnlyList<RequestSummary>> Lines() => Task.FromResult<IReadOnlyList<RequestSummary>>([.. state.State.Lines.Values]);
}

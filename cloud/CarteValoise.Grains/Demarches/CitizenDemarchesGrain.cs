namespace CarteValoise.Grains.Demarches;

[GenerateSerializer]
public sealed class CitizenDemarchesState
{
    [Id(0)] public Dictionary<string, DraftRecord> Drafts { get; set; } = [];
    [Id(1)] public Dictionary<string, CitizenRequestLine> Requests { get; set; } = [];
}

/// <summary>A citizen's drafts and the list of their requests (each request keeps its own state).</summary>
public sealed class CitizenDemarchesGrain(
    [PersistentState("citizenDemarches", GrainKeys.StorageName)] IPersistentState<CitizenDemarchesState> state) : Grain, ICitizenDemarchesGrain
{
    public async Task<DraftRecord> SaveDraft(DraftRecord draft)
    {
        var previous = state.State.Drafts.GetValueOrDefault(draft.DraftId);
        if (previous == draft) return draft;
        state.State.Drafts[draft.DraftId] = draft;
        await Write(() =>
        {
            if (previous is null) state.State.Drafts.Remove(draft.DraftId);
            else state.State.Drafts[draft.DraftId] = previous;
        });
        return draft;
    }

    public Task<DraftRecord?> GetDraft(string draftId) => Task.FromResult(state.State.Drafts.GetValueOrDefault(draftId));

    public Task<IReadOnlyList<DraftRecord>> Drafts() =>
        Task.FromResult<IReadOnlyList<DraftRecord>>([.. state.State.Drafts.Values.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.DraftId, StringComparer.Ordinal)]);

    public async Task RemoveDraft(string draftId)
    {
        if (!state.State.Drafts.Remove(draftId, out var removed)) return;
        await Write(() => state.State.Drafts[draftId] = removed);
    }

    public async Task AddRequest(CitizenRequestLine line)
    {
        if (state.State.Requests.ContainsKey(line.Reference)) return;
        state.State.Requests[line.Reference] = line;
        await Write(() => state.State.Requests.Remove(line.Reference));
    }

    public Task<IReadOnlyList<CitizenRequestLine>> Requests() =>
        Task.FromResult<IReadOnlyList<CitizenRequestLine>>(
            [.. state.State.Requests.Values.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Reference, StringComparer.Ordinal)]);

    private async Task Write(Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }
}

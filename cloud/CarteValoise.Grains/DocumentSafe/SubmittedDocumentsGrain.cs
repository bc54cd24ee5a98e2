namespace CarteValoise.Grains.DocumentSafe;

[GenerateSerializer]
public sealed class SubmittedDocumentsState
{
    [Id(0)] public List<FrozenCopy> Copies { get; set; } = [];
}

public sealed class SubmittedDocumentsGrain(
    [PersistentState("submitteddocuments", GrainKeys.StorageName)] IPersistentState<SubmittedDocumentsState> state) : Grain, ISubmittedDocumentsGrain
{
    public async Task Record(IReadOnlyList<FrozenCopy> copies)
    {
        if (copies.Count == 0) return;
        var requestRef = this.GetPrimaryKeyString();
        if (copies.Any(c => c.Copy.RequestRef != requestRef))
            throw new ArgumentException($"Des copies d'une autre demande ne peuvent pas être rangées sous la demande {requestRef}.", nameof(copies));
        if (state.State.Copies.Count > 0)
        {
            if (state.State.Copies[0].Copy.OwnerAccountId != copies[0].Copy.OwnerAccountId)
                throw new InvalidOperationException($"La demande {requestRef} porte déjà les documents d'un autre compte.");
            if (state.State.Copies.Select(c => c.Copy.DocumentId).ToHashSet().SetEquals(copies.Select(c => c.Copy.DocumentId))) return;
        }
        var before = state.State.Copies;
        state.State.Copies = [.. copies];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Copies = before;
            throw;
        }
    }

    public Task<IReadOnlyList<FrozenCopy>> Get() => Task.FromResult<IReadOnlyList<FrozenCopy>>([.. state.State.Copies]);
}

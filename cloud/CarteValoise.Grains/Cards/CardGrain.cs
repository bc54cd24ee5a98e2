namespace CarteValoise.Grains.Cards;

[GenerateSerializer]
public sealed class CardState
{
    [Id(0)] public CardHolder? Holder { get; set; }
}

public sealed class CardGrain(
    [PersistentState("card", GrainKeys.StorageName)] IPersistentState<CardState> state) : Grain, ICardGrain
{
    public async Task Assign(CardHolder holder)
    {
        if (state.State.Holder == holder) return;
        // Checked here, where claims queue one behind the other: two children can never both get it.
        if (state.State.Holder is { } current && current.ChildId != holder.ChildId)
            throw new ArgumentException($"La carte {this.GetPrimaryKeyString()} est déjà attribuée à un autre enfant.");
        await Save(holder);
    }

    public Task<CardHolder?> GetHolder() => Task.FromResult(state.State.Holder);

    public async Task Retire(string childId)
    {
        if (state.State.Holder is not { } current || current.ChildId != childId || current.Blocked) return;
        await Save(current with { Blocked = true });
    }

    private async Task Save(CardHolder holder)
    {
        var before = state.State.Holder;
        state.State.Holder = holder;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Holder = before;
            throw;
        }
    }
}

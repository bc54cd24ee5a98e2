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
        state.State.Holder = holder;
        await state.WriteStateAsync();
    }

    public Task<CardHolder?> GetHolder() => Task.FromResult(state.State.Holder);
}

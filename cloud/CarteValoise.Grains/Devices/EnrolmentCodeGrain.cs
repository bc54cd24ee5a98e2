namespace CarteValoise.Grains.Devices;

[GenerateSerializer]
public sealed class EnrolmentCodeState
{
    [Id(0)] public string? BoxId { get; set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(2)] public bool Redeemed { get; set; }
}

public sealed class EnrolmentCodeGrain(
    [PersistentState("enrolmentcode", GrainKeys.StorageName)] IPersistentState<EnrolmentCodeState> state,
    TimeProvider time) : Grain, IEnrolmentCodeGrain
{
    public async Task Issue(string boxId, DateTimeOffset expiresAt)
    {
        if (state.State.BoxId is not null) throw new InvalidOperationException("Ce code a déjà été attribué.");
        state.State.BoxId = boxId;
        state.State.ExpiresAt = expiresAt;
        await state.WriteStateAsync();
    }

    public async Task<CodeRedemptionResult> Redeem()
    {
        if (state.State.BoxId is not { } boxId) return new(CodeRedemption.Unknown, null);
        if (state.State.Redeemed) return new(CodeRedemption.AlreadyUsed, boxId);
        if (time.GetUtcNow() >= state.State.ExpiresAt) return new(CodeRedemption.Expired, boxId);
        // Used up before the credential is made: a crash in between costs a new code, never a second box.
        state.State.Redeemed = true;
        await state.WriteStateAsync();
        return new(CodeRedemption.Redeemed, boxId);
    }
}

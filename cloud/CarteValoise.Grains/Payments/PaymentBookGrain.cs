using CarteValoise.Domain.Payments;

namespace CarteValoise.Grains.Payments;

[GenerateSerializer]
public sealed class PaymentBookState
{
    [Id(0)] public Dictionary<string, OnlinePaymentRecord> Payments { get; set; } = [];
}

public sealed class PaymentBookGrain(
    [PersistentState("payment-book", GrainKeys.StorageName)] IPersistentState<PaymentBookState> state) : Grain, IPaymentBookGrain
{
    public async Task Record(OnlinePaymentRecord payment)
    {
        var known = state.State.Payments.GetValueOrDefault(payment.IdOp);
        if (known == payment) return;
        state.State.Payments[payment.IdOp] = payment;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (known is null) state.State.Payments.Remove(payment.IdOp);
            else state.State.Payments[payment.IdOp] = known;
            throw;
        }
    }

    public Task<IReadOnlyList<OnlinePaymentRecord>> List() =>
        Task.FromResult<IReadOnlyList<OnlinePaymentRecord>>(
            [.. state.State.Payments.Values.OrderByDescending(p => p.Request.CreatedAt).ThenBy(p => p.IdOp, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> ToFollow(DateTimeOffset now) =>
        Task.FromResult<IReadOnlyList<string>>(
        [
            .. state.State.Payments.Values
                .Where(p => PaymentFollowUp.IsFollowed(p.State, p.Request.CreatedAt, now) || p is { State: OnlinePaymentState.Paid, ReceiptSent: false })
                .OrderBy(p => p.Request.CreatedAt)
                .Select(p => p.IdOp),
        ]);
}

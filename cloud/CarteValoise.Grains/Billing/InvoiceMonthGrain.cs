namespace CarteValoise.Grains.Billing;

[GenerateSerializer]
public sealed class InvoiceMonthState
{
    [Id(0)] public MonthClosing? Closing { get; set; }
    /// <summary>Paid so far, by invoice number: only ever grows, since a payment is never taken back.</summary>
    [Id(1)] public Dictionary<string, long> Paid { get; set; } = [];
}

public sealed class InvoiceMonthGrain(
    [PersistentState("invoicemonth", GrainKeys.StorageName)] IPersistentState<InvoiceMonthState> state) : Grain, IInvoiceMonthGrain
{
    public async Task Record(MonthClosing closing)
    {
        if (state.State.Closing is not null) return;
        state.State.Closing = closing with { CreatedNow = 0 };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Closing = null;
            throw;
        }
    }

    public Task<MonthClosing?> Get() => Task.FromResult(state.State.Closing is { } closing
        ? closing with { Invoices = [.. closing.Invoices.Select(WithPaid)] }
        : null);

    public async Task RecordPaid(string invoiceNumber, long paidCents)
    {
        var before = state.State.Paid.GetValueOrDefault(invoiceNumber);
        // Two payments' notices may cross on the way: the larger total is the later one.
        if (paidCents <= before) return;
        state.State.Paid[invoiceNumber] = paidCents;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (before == 0) state.State.Paid.Remove(invoiceNumber); else state.State.Paid[invoiceNumber] = before;
            throw;
        }
    }

    public Task<InvoiceIndexEntry?> Find(string invoiceNumber) =>
        Task.FromResult(state.State.Closing?.Invoices.FirstOrDefault(i => i.Number == invoiceNumber) is { } entry ? WithPaid(entry) : null);

    private InvoiceIndexEntry WithPaid(InvoiceIndexEntry entry) =>
        state.State.Paid.TryGetValue(entry.Number, out var paid) ? entry with { PaidCents = paid } : entry;
}

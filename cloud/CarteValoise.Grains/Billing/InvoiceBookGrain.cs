namespace CarteValoise.Grains.Billing;

public sealed class InvoiceBookGrain : Grain, IInvoiceBookGrain
{
    public Task<MonthClosing> CloseMonth(DateOnly monthStart, string closedBy) => throw new NotImplementedException();
    public Task<MonthClosing?> GetClosing(DateOnly monthStart) => throw new NotImplementedException();
    public Task<IReadOnlyList<MonthClosing>> GetClosings() => throw new NotImplementedException();
    public Task RecordPaid(string invoiceNumber, long paidCents) => throw new NotImplementedException();
}

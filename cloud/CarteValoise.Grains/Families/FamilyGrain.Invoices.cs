namespace CarteValoise.Grains.Families;

// The family's monthly invoices and their payments (communes billing monthly).
public sealed partial class FamilyGrain
{
    public Task ReceiveInvoice(IssuedInvoice invoice) => throw new NotImplementedException();
    public Task<IReadOnlyList<IssuedInvoice>> GetInvoices() => throw new NotImplementedException();
    public Task<IssuedInvoice> RecordInvoicePayment(string operationId, string invoiceNumber, long amountCents, string means) => throw new NotImplementedException();
}

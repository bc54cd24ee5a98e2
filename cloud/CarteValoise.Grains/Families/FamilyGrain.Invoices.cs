using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Billing;

namespace CarteValoise.Grains.Families;

// The family's monthly invoices and their payments (communes billing monthly). Unlike a meal charge,
// an invoice and a payment are written through: the close and the counter wait for them to be durable.
public sealed partial class FamilyGrain
{
    public async Task ReceiveInvoice(IssuedInvoice invoice)
    {
        if (invoice.FamilyId != this.GetPrimaryKeyString())
            throw new ArgumentException($"La facture {invoice.Number} est adressée à la famille {invoice.FamilyId}, pas à la famille {this.GetPrimaryKeyString()}.");
        if (state.State.Invoices.Any(i => i.Number == invoice.Number)) return;
        var month = BillingMonth.Of(invoice.MonthStart);
        state.State.Invoices.Add(invoice);
        try
        {
            // The invoice and its debit reach the disk in the same write.
            await Append(new BalanceMovementRecord(InvoiceOperation(invoice.Number), invoice.IssuedAt,
                $"Facture {invoice.Number} ({month.Label})", -invoice.TotalCents));
        }
        catch
        {
            state.State.Invoices.Remove(invoice);
            throw;
        }
    }

    public Task<IReadOnlyList<IssuedInvoice>> GetInvoices() =>
        Task.FromResult<IReadOnlyList<IssuedInvoice>>(state.State.Invoices.OrderBy(i => i.MonthStart).ThenBy(i => i.Number, StringComparer.Ordinal).ToList());

    public async Task<IssuedInvoice> RecordInvoicePayment(string operationId, string invoiceNumber, long amountCents, string means)
    {
        if (string.IsNullOrWhiteSpace(operationId))
            throw new ArgumentException("Un paiement doit porter un identifiant d'opération, pour n'être enregistré qu'une fois.");
        var movementId = PaymentOperation(operationId);
        if (OperationIds.Contains(movementId))
        {
            var applied = state.State.Invoices.FirstOrDefault(i => i.Payments.Any(p => p.OperationId == operationId))
                ?? throw new InvalidOperationException($"L'opération {operationId} a déjà servi à un autre mouvement du compte : elle ne peut pas payer une facture.");
            // The first attempt may have stopped before the commune's book heard of it: telling it again is harmless.
            await Book(applied).RecordPaid(applied.Number, applied.PaidCents);
            return applied;
        }

        var index = state.State.Invoices.FindIndex(i => i.Number == invoiceNumber);
        if (index < 0)
            throw new KeyNotFoundException($"La facture {invoiceNumber} est introuvable pour la famille {this.GetPrimaryKeyString()}.");
        var invoice = state.State.Invoices[index];
        if (amountCents <= 0)
            throw new ArgumentException($"Le montant d'un paiement doit être positif ({FrenchText.Euros(amountCents)} saisi).");
        if (string.IsNullOrWhiteSpace(means))
            throw new ArgumentException("Indiquez le moyen de paiement (espèces, chèque, carte bancaire…).");
        var due = invoice.TotalCents - invoice.PaidCents;
        if (amountCents > due)
            throw new InvalidOperationException(due == 0
                ? $"La facture {invoice.Number} est déjà entièrement payée."
                : $"Le paiement de {FrenchText.Euros(amountCents)} dépasse ce qui reste dû sur la facture {invoice.Number} ({FrenchText.Euros(due)}).");

        var now = time.GetUtcNow();
        var paid = invoice with { Payments = [.. invoice.Payments, new InvoicePaymentRecord(operationId, now, amountCents, means.Trim())] };
        state.State.Invoices[index] = paid;
        try
        {
            await Append(new BalanceMovementRecord(movementId, now, $"Paiement de la facture {invoice.Number} ({means.Trim()})", amountCents));
        }
        catch
        {
            state.State.Invoices[index] = invoice;
            throw;
        }
        await Book(paid).RecordPaid(paid.Number, paid.PaidCents);
        return paid;
    }

    private static string InvoiceOperation(string number) => $"invoice:{number}";

    private static string PaymentOperation(string operationId) => $"payment:{operationId}";

    private IInvoiceBookGrain Book(IssuedInvoice invoice) =>
        GrainFactory.GetGrain<IInvoiceBookGrain>(InvoiceNumber.Parse(invoice.Number).CommuneInseeCode);
}

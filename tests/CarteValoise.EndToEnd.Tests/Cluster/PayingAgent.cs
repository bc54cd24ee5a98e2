using CarteValoise.Contracts.Billing;
using Grpc.Core;
using BillingService = CarteValoise.Contracts.Billing.Billing;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// An agent at the counter recording payments of one euro on a closed month's invoices, in turn,
/// each under a fresh operation id and each sent twice (a click repeated, an answer lost). Every
/// answer must show the invoice paid exactly up to this payment: a payment credited twice, or lost,
/// shows at once, and again in the commune's book and on the family's account at the end.
/// </summary>
public sealed class PayingAgent(FailoverCloud cloud, Metadata agent, IReadOnlyList<InvoiceSummary> invoices) : BackgroundUser
{
    public const long Amount = 100;

    private readonly Dictionary<string, long> paid = invoices.ToDictionary(i => i.Number, i => i.PaidCents);
    private readonly Dictionary<string, int> payments = invoices.ToDictionary(i => i.Number, _ => 0);

    public override string Name => "the agent recording payments";

    protected override TimeSpan Pace => TimeSpan.FromMilliseconds(250);

    /// <summary>What each invoice must show as paid, by number.</summary>
    public IReadOnlyDictionary<string, long> Paid => paid;

    /// <summary>How many payments each invoice received, by number.</summary>
    public IReadOnlyDictionary<string, int> Payments => payments;

    protected override async Task OperateAsync(int index)
    {
        var invoice = invoices[index % invoices.Count];
        if (paid[invoice.Number] + Amount > invoice.TotalCents)
            throw new InvalidOperationException($"Invoice {invoice.Number} ({invoice.TotalCents} cents) is paid: the test needs larger invoices or fewer payments.");
        var request = new RecordPaymentRequest
        {
            InvoiceNumber = invoice.Number,
            AmountCents = Amount,
            Means = "espèces",
            OperationId = Guid.NewGuid().ToString("N"),
        };
        var first = await SendAsync(request);
        Assert.True(first.PaidCents == paid[invoice.Number] + Amount,
            $"Invoice {invoice.Number}: paid {paid[invoice.Number]} cents before a payment of {Amount}, {first.PaidCents} after it.");
        var again = await SendAsync(request);
        Assert.True(again.PaidCents == first.PaidCents,
            $"Invoice {invoice.Number}: the payment {request.OperationId} sent again moved it from {first.PaidCents} to {again.PaidCents} cents paid.");
        paid[invoice.Number] = first.PaidCents;
        payments[invoice.Number]++;
    }

    private Task<InvoiceSummary> SendAsync(RecordPaymentRequest request) =>
        cloud.CallAsync("RecordPayment", (channel, deadline) =>
            new BillingService.BillingClient(channel).RecordPaymentAsync(request, agent, deadline).ResponseAsync);
}

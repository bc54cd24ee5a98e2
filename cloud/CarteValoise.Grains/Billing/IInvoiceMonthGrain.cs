namespace CarteValoise.Grains.Billing;

/// <summary>
/// One closed month of a commune's invoice book, keyed by <see cref="InvoiceMonthKey"/>: its close and
/// what has been paid on each invoice. Kept apart from the book so that a payment rewrites one month's
/// index, not every month the commune ever closed.
/// </summary>
public interface IInvoiceMonthGrain : IGrainWithStringKey
{
    /// <summary>Keeps the month's close; the first one recorded stays (a resumed close records the same).</summary>
    Task Record(MonthClosing closing);
    /// <summary>The close with what is paid today on each invoice, or null before the close is recorded.</summary>
    Task<MonthClosing?> Get();
    /// <summary>What has been paid on an invoice in all; a payment heard before the close is recorded is kept for it.</summary>
    Task RecordPaid(string invoiceNumber, long paidCents);
    Task<InvoiceIndexEntry?> Find(string invoiceNumber);
}

public static class InvoiceMonthKey
{
    /// <summary>«95127/2026-11».</summary>
    public static string Of(string communeInseeCode, DateOnly monthStart) =>
        $"{communeInseeCode}/{Domain.Canteen.BillingMonth.Of(monthStart)}";
}

namespace CarteValoise.Grains.Billing;

/// <summary>
/// A commune's invoice book, keyed by its INSEE code: the only writer of its invoice number sequence
/// (one per commune, never restarting), and the index of the invoices it issued.
/// </summary>
public interface IInvoiceBookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Closes a finished month of a commune billing monthly: one invoice per family with something to
    /// bill, numbered in order, delivered to each family. Idempotent: a second call creates nothing and
    /// returns the first close; a close interrupted by a crash finishes with the numbers it had allocated.
    /// Refused (French message) for a month not yet over or a commune billing by prepaid balance.
    /// </summary>
    Task<MonthClosing> CloseMonth(DateOnly monthStart, string closedBy);
    Task<MonthClosing?> GetClosing(DateOnly monthStart);
    /// <summary>Every month closed, most recent first.</summary>
    Task<IReadOnlyList<MonthClosing>> GetClosings();
    /// <summary>Called by the family when a payment lands, so that the paid / unpaid table needs no fan-out.</summary>
    Task RecordPaid(string invoiceNumber, long paidCents);
}

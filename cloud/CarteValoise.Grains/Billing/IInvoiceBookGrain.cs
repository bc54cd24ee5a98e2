using Orleans.Concurrency;

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
    // The reads and RecordPaid touch no state of the book (the months keep their own index), so a long
    // close does not hold them up; RecordPaid above all, which a family calls while the close may be
    // waiting on that very family.
    [AlwaysInterleave]
    Task<MonthClosing?> GetClosing(DateOnly monthStart);
    /// <summary>Every month closed, most recent first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<MonthClosing>> GetClosings();
    /// <summary>Called by the family when a payment lands, so that the paid / unpaid table needs no fan-out.</summary>
    [AlwaysInterleave]
    Task RecordPaid(string invoiceNumber, long paidCents);
    /// <summary>The index entry of an invoice of a closed month (its family above all), or null when the book has none by that number.</summary>
    [AlwaysInterleave]
    Task<InvoiceIndexEntry?> FindInvoice(string invoiceNumber);
}

using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Billing;

[GenerateSerializer]
public sealed class InvoiceBookState
{
    /// <summary>The last number allocated in the commune; the next invoice takes the one after, whatever its month.</summary>
    [Id(0)] public long LastSequence { get; set; }
    /// <summary>The months whose close is finished (their index is in their own month grain).</summary>
    [Id(1)] public List<DateOnly> ClosedMonths { get; set; } = [];
    /// <summary>Closes numbered but not yet delivered to every family: what a resumed close delivers, unchanged.</summary>
    [Id(2)] public List<PendingClose> Pending { get; set; } = [];
}

/// <summary>
/// A month whose invoices are numbered and computed, stored in the same write as the sequence that
/// numbered them; dropped once every family has its invoice and the month is closed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PendingClose(
    [property: Id(0)] DateOnly MonthStart,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] string ClosedBy,
    [property: Id(3)] IReadOnlyList<IssuedInvoice> Invoices,
    [property: Id(4)] int FamiliesWithNothingToBill);

/// <summary>A close that numbered its invoices but could not deliver them all: calling the close again finishes it with the same numbers.</summary>
[GenerateSerializer]
public sealed class MonthCloseInterruptedException : Exception
{
    public MonthCloseInterruptedException() { }

    public MonthCloseInterruptedException(string message) : base(message) { }

    public MonthCloseInterruptedException(string message, Exception inner) : base(message, inner) { }
}

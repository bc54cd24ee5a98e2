namespace CarteValoise.Grains.Billing;

/// <summary>An invoice as the commune's book lists it: enough for the agents' paid / unpaid table.</summary>
[GenerateSerializer, Immutable]
public sealed record InvoiceIndexEntry(
    [property: Id(0)] string Number,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string FamilyName,
    [property: Id(3)] DateOnly MonthStart,
    [property: Id(4)] long TotalCents,
    [property: Id(5)] long PaidCents);

/// <summary>
/// A month's close: when, by whom, the invoices it issued. <see cref="CreatedNow"/> is how many the
/// call that returned it created (0 when the month was already closed).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MonthClosing(
    [property: Id(0)] DateOnly MonthStart,
    [property: Id(1)] DateTimeOffset ClosedAt,
    [property: Id(2)] string ClosedBy,
    [property: Id(3)] IReadOnlyList<InvoiceIndexEntry> Invoices,
    [property: Id(4)] int CreatedNow,
    [property: Id(5)] int FamiliesWithNothingToBill);

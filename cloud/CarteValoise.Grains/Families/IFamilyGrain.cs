namespace CarteValoise.Grains.Families;

/// <summary>A household of a commune: its children, its account (prepaid balance or invoices) and its quotient familial.</summary>
public interface IFamilyGrain : IGrainWithStringKey
{
    /// <summary>Creates the family, or updates its profile; never touches its account. The commune lists it.</summary>
    Task Register(FamilyProfile profile);
    Task<FamilyProfile?> GetProfile();
    Task AddChild(string childId);
    Task<IReadOnlyList<string>> GetChildIds();
    /// <summary>
    /// Sets the quotient familial with the date of its justification: refused with a French message
    /// (nothing changed) when out of 0..10 000 or justified by a document dated in the future.
    /// </summary>
    Task SetQuotientFamilial(int quotientFamilial, DateOnly justifiedOn);
    /// <summary>
    /// Debits one service taken, at the commune's tariff in force, for a prepaid commune (returns the
    /// amount); a commune billing monthly debits nothing here (returns 0). Once per operation id.
    /// Kept in memory until <see cref="Flush"/>: the tap it comes from is already durable in its box's journal.
    /// </summary>
    Task<long> ChargeService(string operationId, ServiceCharge charge);
    /// <summary>
    /// Charges each service as <see cref="ChargeService"/> does (once per operation id) and has the
    /// family's state on storage when it returns, whatever this activation held before: one write for
    /// the lot, none when storage already holds them all.
    /// </summary>
    Task ChargeServicesDurably(IReadOnlyList<ServiceChargeOperation> charges);
    Task Flush();
    /// <summary>Adds money to the account (top-up, refund); once per operation id.</summary>
    Task Credit(string operationId, long amountCents, string label);
    Task<FamilyAccount> GetAccount();
    /// <summary>Until when kiosk sign-in is refused after repeated wrong PINs (null: allowed now).</summary>
    Task<DateTimeOffset?> GetKioskLockout();
    /// <summary>Counts wrong PINs; a right one resets the count.</summary>
    Task RecordKioskPinAttempt(bool succeeded);

    /// <summary>Keeps an issued invoice and debits its total (operation "invoice:number"); idempotent on the number.</summary>
    Task ReceiveInvoice(IssuedInvoice invoice);
    Task<IReadOnlyList<IssuedInvoice>> GetInvoices();
    /// <summary>
    /// Records a payment of an invoice and credits it; once per operation id. Refused (French message,
    /// nothing changed) for an unknown invoice, a non-positive amount, or more than what remains due.
    /// </summary>
    Task<IssuedInvoice> RecordInvoicePayment(string operationId, string invoiceNumber, long amountCents, string means);
}

/// <summary>A service to charge under its operation id («meal:{child}:{day}», «care:{child}:{day}:{session}»).</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceChargeOperation([property: Id(0)] string OperationId, [property: Id(1)] ServiceCharge Charge);

/// <summary>The family's access log, keyed by family id: written on every agent read and every refused attempt.</summary>
public interface IAccessLogGrain : IGrainWithStringKey
{
    Task Record(AccessLogEntry entry);
    Task<IReadOnlyList<AccessLogEntry>> GetEntries();
}

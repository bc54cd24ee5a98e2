using CarteValoise.Domain.Canteen;

namespace CarteValoise.Grains.Families;

/// <summary>
/// A household as the commune enrolled it. The quotient familial comes with the date of the
/// document that justified it (attestation CAF, avis d'imposition); <see cref="FormerNumber"/> is
/// its number in the software the commune used before, kept to recognise it on a second import.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FamilyProfile(
    [property: Id(0)] string FamilyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] int? QuotientFamilial,
    [property: Id(4)] string KioskPinHash,
    [property: Id(5)] DateOnly? QuotientFamilialJustifiedOn = null,
    [property: Id(6)] string Address = "",
    [property: Id(7)] string PostalCode = "",
    [property: Id(8)] string City = "",
    [property: Id(9)] string Phone = "",
    [property: Id(10)] string Email = "",
    [property: Id(11)] bool LivesOutsideCommune = false,
    [property: Id(12)] string FormerNumber = "");

/// <summary>One line of the family's account; the balance is the sum of these and nothing else.</summary>
[GenerateSerializer, Immutable]
public sealed record BalanceMovementRecord(
    [property: Id(0)] string OperationId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Label,
    [property: Id(3)] long AmountCents);

/// <summary>
/// The account as the family reads it: the balance (always the sum of the movements), the movements,
/// how the commune bills, and the warning for the balance's level (null when there is none).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FamilyAccount(
    [property: Id(0)] long BalanceCents,
    [property: Id(1)] IReadOnlyList<BalanceMovementRecord> Movements,
    [property: Id(2)] string? Warning = null,
    [property: Id(3)] BillingMode BillingMode = BillingMode.PrepaidBalance);

/// <summary>One use of a service to charge at the tap (prepaid communes): once per operation id.</summary>
[GenerateSerializer, Immutable]
public sealed record ServiceCharge(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string ChildFirstName,
    [property: Id(2)] SchoolService Service,
    [property: Id(3)] DateTimeOffset TakenAt,
    [property: Id(4)] bool PaiHomeMeal,
    [property: Id(5)] bool Reserved);

/// <summary>An invoice line as issued (see Domain's InvoiceLine).</summary>
[GenerateSerializer, Immutable]
public sealed record InvoiceLineRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string ChildId,
    [property: Id(2)] string ChildName,
    [property: Id(3)] SchoolService Service,
    [property: Id(4)] string Description,
    [property: Id(5)] long UnitPriceCents,
    [property: Id(6)] int Quantity);

/// <summary>A payment received against an invoice (at the counter today, online later).</summary>
[GenerateSerializer, Immutable]
public sealed record InvoicePaymentRecord(
    [property: Id(0)] string OperationId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long AmountCents,
    [property: Id(3)] string Means);

/// <summary>
/// A monthly invoice once numbered and issued; never recomputed afterwards. <see cref="Number"/> is
/// the Domain's InvoiceNumber as text; <see cref="MonthStart"/> the first day of the billed month.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssuedInvoice(
    [property: Id(0)] string Number,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string FamilyName,
    [property: Id(3)] DateOnly MonthStart,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] IReadOnlyList<InvoiceLineRecord> Lines,
    [property: Id(6)] IReadOnlyList<InvoicePaymentRecord> Payments,
    [property: Id(7)] int RulesVersion)
{
    public long TotalCents => Lines.Sum(l => l.UnitPriceCents * l.Quantity);
    public long PaidCents => Payments.Sum(p => p.AmountCents);
    public bool IsPaid => PaidCents >= TotalCents;
}

/// <summary>An entry of the access log a family can read: who opened their data, when and why.</summary>
[GenerateSerializer, Immutable]
public sealed record AccessLogEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string What,
    [property: Id(4)] string Why,
    [property: Id(5)] bool Allowed,
    [property: Id(6)] IReadOnlyList<string>? CommuneCodes = null);

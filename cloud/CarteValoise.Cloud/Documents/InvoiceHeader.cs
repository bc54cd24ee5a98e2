using CarteValoise.Domain.Calendar;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Documents;

/// <summary>
/// What an invoice says besides its lines: who bills (the commune, its address, how to reach its
/// service), who is billed (the family's name as on its mail, its address), when it was issued
/// and when it must be paid, and the reference the family types on PayFiP to pay it.
/// </summary>
public sealed record InvoiceHeader(
    string CommuneName,
    IReadOnlyList<string> CommuneAddress,
    string CommuneContact,
    string FamilyName,
    IReadOnlyList<string> FamilyAddress,
    DateOnly IssuedOn,
    DateOnly DueOn,
    string PayFipReference)
{
    /// <summary>
    /// Payment is due this long after the invoice is issued: the commune's rules set no term yet,
    /// and 30 days is the usual one of the communes' règlements.
    /// </summary>
    public const int DaysToPay = 30;

    /// <summary>
    /// The heading of an issued invoice: the family's name as the invoice was issued to it, its
    /// address as the commune holds it today (where the document is sent), the invoice number as
    /// the payment reference. The commune's postal address is not known to the platform yet.
    /// </summary>
    public static InvoiceHeader For(IssuedInvoice invoice, string communeName, FamilyProfile? family)
    {
        var issuedOn = ServiceDay.Of(invoice.IssuedAt);
        string[] address = family is null ? [] : [family.Address.Trim(), $"{family.PostalCode.Trim()} {family.City.Trim()}".Trim()];
        return new InvoiceHeader(
            communeName,
            [],
            $"Mairie de {communeName} · service scolaire",
            invoice.FamilyName,
            [.. address.Where(line => line.Length > 0)],
            issuedOn,
            issuedOn.AddDays(DaysToPay),
            invoice.Number);
    }
}

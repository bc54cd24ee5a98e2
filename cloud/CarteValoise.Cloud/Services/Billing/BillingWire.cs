using CarteValoise.Contracts.Billing;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Billing;
using CarteValoise.Grains.Families;
using Google.Protobuf.WellKnownTypes;

namespace CarteValoise.Cloud.Services.Billing;

/// <summary>A month's close and its invoices on the wire.</summary>
public static class BillingWire
{
    public static MonthClose ToWire(this MonthClosing closing, string commune, bool withInvoices = true)
    {
        var wire = new MonthClose
        {
            CommuneInseeCode = commune,
            Month = BillingMonth.Of(closing.MonthStart).ToString(),
            Closed = true,
            ClosedAt = Timestamp.FromDateTimeOffset(closing.ClosedAt),
            ClosedBy = closing.ClosedBy,
            CreatedNow = closing.CreatedNow,
            FamiliesWithNothingToBill = closing.FamiliesWithNothingToBill,
            TotalCents = closing.Invoices.Sum(i => i.TotalCents),
            PaidCents = closing.Invoices.Sum(i => i.PaidCents),
            InvoiceCount = closing.Invoices.Count,
        };
        if (withInvoices) wire.Invoices.AddRange(closing.Invoices.Select(ToWire));
        return wire;
    }

    public static MonthClose NotClosed(string commune, BillingMonth month) => new() { CommuneInseeCode = commune, Month = month.ToString(), Closed = false };

    public static InvoiceSummary ToWire(this InvoiceIndexEntry entry) => new()
    {
        Number = entry.Number,
        FamilyId = entry.FamilyId,
        FamilyName = entry.FamilyName,
        Month = BillingMonth.Of(entry.MonthStart).ToString(),
        TotalCents = entry.TotalCents,
        PaidCents = entry.PaidCents,
        Paid = entry.PaidCents >= entry.TotalCents,
    };

    public static InvoiceSummary ToWire(this IssuedInvoice invoice) => new()
    {
        Number = invoice.Number,
        FamilyId = invoice.FamilyId,
        FamilyName = invoice.FamilyName,
        Month = BillingMonth.Of(invoice.MonthStart).ToString(),
        TotalCents = invoice.TotalCents,
        PaidCents = invoice.PaidCents,
        Paid = invoice.IsPaid,
    };
}

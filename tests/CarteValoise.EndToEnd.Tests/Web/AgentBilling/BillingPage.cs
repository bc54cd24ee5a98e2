using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.AgentBilling;

/// <summary>An invoice as the billing page lists it.</summary>
public sealed record InvoiceRow(string Number, string FamilyId, long TotalCents, long PaidCents, bool Paid, string Text);

/// <summary>What the last click on «Clôturer le mois» did.</summary>
public sealed record CloseResultOnPage(int CreatedNow, int Total, string Text);

/// <summary>
/// The agents' billing page (/Admin/Facturation), read through the markers it promises:
/// section.billing-month[data-month][data-closed], p#close-result[data-created-now][data-total],
/// p.invoice-totals[data-invoices][data-total-cents][data-paid-cents], a
/// tr[data-invoice-number][data-family-id][data-total-cents][data-paid-cents][data-paid] per invoice,
/// and the cloud's refusal in [data-refusal].
/// </summary>
public sealed record BillingPage(string? Month, bool? Closed, CloseResultOnPage? Result, IReadOnlyList<InvoiceRow> Invoices,
    (int Invoices, long TotalCents, long PaidCents)? Totals, string? Refusal, string Text)
{
    public static BillingPage Parse(string html)
    {
        var month = Markup.Tags(html, "section").SingleOrDefault(s => s.HasClass("billing-month"));
        var result = Markup.Tags(html, "p").SingleOrDefault(p => p["id"] == "close-result");
        var totals = Markup.Tags(html, "p").SingleOrDefault(p => p.HasClass("invoice-totals"));
        var refusal = Markup.Tags(html, "div").SingleOrDefault(d => d["data-refusal"] is not null);
        return new BillingPage(
            month?["data-month"],
            month is null ? null : month["data-closed"] == "true",
            result is null ? null : new CloseResultOnPage(Int(result["data-created-now"]), Int(result["data-total"]), Markup.Text(html[result.End..Markup.EndOf(html, result)])),
            Markup.Tags(html, "tr").Where(tr => tr["data-invoice-number"] is not null)
                .Select(tr => new InvoiceRow(tr["data-invoice-number"]!, tr["data-family-id"]!, Long(tr["data-total-cents"]), Long(tr["data-paid-cents"]),
                    tr["data-paid"] == "true", Markup.Text(html[tr.End..Markup.EndOf(html, tr)])))
                .ToList(),
            totals is null ? null : (Int(totals["data-invoices"]), Long(totals["data-total-cents"]), Long(totals["data-paid-cents"])),
            refusal is null ? null : Markup.Text(html[refusal.End..Markup.EndOf(html, refusal)]),
            Markup.Text(html));
    }

    private static int Int(string? value) => int.Parse(value ?? throw new FormatException("A marker of the billing page is missing."), CultureInfo.InvariantCulture);

    private static long Long(string? value) => long.Parse(value ?? throw new FormatException("A marker of the billing page is missing."), CultureInfo.InvariantCulture);
}

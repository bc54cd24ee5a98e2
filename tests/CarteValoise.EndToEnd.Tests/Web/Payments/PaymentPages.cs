using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.Payments;

/// <summary>
/// The return page /Paiement/Retour, read through its markers: section#payment-result[data-state]
/// [data-id-op][data-amount-cents][data-invoice-number], p#payment-explanation, a#receipt-link.
/// </summary>
public sealed record ReturnPage(string Heading, string State, string IdOp, long AmountCents, string InvoiceNumber, string Explanation, string? ReceiptLink, string Text)
{
    public static ReturnPage Parse(string html)
    {
        var result = Markup.Tags(html, "section").SingleOrDefault(s => s["id"] == "payment-result")
            ?? throw new Xunit.Sdk.XunitException($"The page is not the payment's return page:\n{Markup.Text(html)}");
        var h1 = Markup.Tags(html, "h1").Single();
        var explanation = Markup.Tags(html, "p").Single(p => p["id"] == "payment-explanation");
        return new ReturnPage(
            Markup.Text(html[h1.End..Markup.EndOf(html, h1)]),
            result["data-state"]!,
            result["data-id-op"]!,
            long.Parse(result["data-amount-cents"]!, CultureInfo.InvariantCulture),
            result["data-invoice-number"] ?? "",
            Markup.Text(html[explanation.End..Markup.EndOf(html, explanation)]),
            Markup.Tags(html, "a").SingleOrDefault(a => a["id"] == "receipt-link")?["href"],
            Markup.Text(html));
    }
}

/// <summary>A payment as the agents' page lists it.</summary>
public sealed record PaymentRow(string IdOp, string State, string FamilyId, long AmountCents, string InvoiceNumber, string Text);

/// <summary>
/// The agents' /Admin/Paiements page, read through its markers: section.commune-payments[data-commune][data-month],
/// p.payment-totals[data-count][data-paid-count][data-paid-cents][data-pending-count][data-pending-cents],
/// tr[data-id-op][data-state][data-family-id][data-amount-cents][data-invoice-number], p#reconcile-result[data-id-op][data-state].
/// </summary>
public sealed record AgentPaymentsPage(string? Commune, string? Month, IReadOnlyList<PaymentRow> Payments, (int Count, int PaidCount, long PaidCents, int PendingCount, long PendingCents)? Totals,
    (string IdOp, string State, string Text)? Reconciled, string Text)
{
    public PaymentRow Row(string idOp) => Payments.SingleOrDefault(p => p.IdOp == idOp)
        ?? throw new Xunit.Sdk.XunitException($"The agents' page does not list payment {idOp}:\n{Text}");

    public static AgentPaymentsPage Parse(string html)
    {
        var section = Markup.Tags(html, "section").SingleOrDefault(s => s.HasClass("commune-payments"));
        var totals = Markup.Tags(html, "p").SingleOrDefault(p => p.HasClass("payment-totals"));
        var reconciled = Markup.Tags(html, "p").SingleOrDefault(p => p["id"] == "reconcile-result");
        return new AgentPaymentsPage(
            section?["data-commune"],
            section?["data-month"],
            Markup.Tags(html, "tr").Where(tr => tr["data-id-op"] is not null)
                .Select(tr => new PaymentRow(tr["data-id-op"]!, tr["data-state"]!, tr["data-family-id"]!, Long(tr["data-amount-cents"]), tr["data-invoice-number"] ?? "",
                    Markup.Text(html[tr.End..Markup.EndOf(html, tr)])))
                .ToList(),
            totals is null ? null : ((int)Long(totals["data-count"]), (int)Long(totals["data-paid-count"]), Long(totals["data-paid-cents"]),
                (int)Long(totals["data-pending-count"]), Long(totals["data-pending-cents"])),
            reconciled is null ? null : (reconciled["data-id-op"]!, reconciled["data-state"]!, Markup.Text(html[reconciled.End..Markup.EndOf(html, reconciled)])),
            Markup.Text(html));
    }

    private static long Long(string? value) => long.Parse(value ?? throw new FormatException("A marker of the payments page is missing."), CultureInfo.InvariantCulture);
}

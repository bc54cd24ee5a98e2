using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Payments;

/// <summary>
/// What a parent may pay online: the whole of what remains due on an invoice (PayFiP takes one
/// payment per reference), or a top-up of a prepaid balance between <see cref="TopUpMinimumCents"/>
/// and <see cref="TopUpMaximumCents"/>.
/// </summary>
public static class OnlinePayable
{
    public const long TopUpMinimumCents = PayFiPFields.MinimumCents;
    public const long TopUpMaximumCents = 50_000;

    /// <summary>Why an invoice's remainder cannot be paid online; null when it can.</summary>
    public static string? InvoiceProblem(string invoiceNumber, long dueCents) => dueCents switch
    {
        <= 0 => $"La facture {invoiceNumber} est déjà entièrement payée.",
        < PayFiPFields.MinimumCents => $"Le reste à payer de la facture {invoiceNumber} ({FrenchText.Euros(dueCents)}) est inférieur au minimum du paiement en ligne ({FrenchText.Euros(PayFiPFields.MinimumCents)}) : réglez-le à la mairie.",
        > PayFiPFields.MaximumCents => $"Le reste à payer de la facture {invoiceNumber} ({FrenchText.Euros(dueCents)}) dépasse le maximum du paiement en ligne ({FrenchText.Euros(PayFiPFields.MaximumCents)}) : réglez-le à la mairie.",
        _ => null,
    };

    /// <summary>Why a top-up amount is refused; null when it is fine.</summary>
    public static string? TopUpProblem(long cents) => cents is >= TopUpMinimumCents and <= TopUpMaximumCents
        ? null
        : $"Le montant du rechargement doit être compris entre {FrenchText.Euros(TopUpMinimumCents)} et {FrenchText.Euros(TopUpMaximumCents)} ({FrenchText.Euros(cents)} demandé).";
}

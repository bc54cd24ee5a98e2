using System.Globalization;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Payments;

/// <summary>What the platform created at the gateway, against which every answer is checked.</summary>
public sealed record CreatedPayment(string IdOp, string Refdet, long AmountCents, string Numcli, string Exer, DateTimeOffset CreatedAt);

/// <summary>
/// The state a payment moves to on an answer of the gateway. <see cref="Credit"/> is true when it
/// moves to <see cref="OnlinePaymentState.Paid"/> now: the only time the family is credited.
/// </summary>
public sealed record PaymentDecision(OnlinePaymentState State, bool Credit, string Explanation, DateTimeOffset? TransactionAt = null, string AuthorisationNumber = "");

/// <summary>
/// PayFiP does not sign its notification: anyone can call the notification address with an idOp.
/// A payment is therefore only ever decided on the gateway's own answer to our call
/// (<c>recupererDetailPaiementSecurise</c>), and only when that answer matches what we created —
/// the same idOp, <c>refdet</c>, <c>montant</c>, <c>numcli</c> and <c>exer</c>. A payment once paid
/// stays paid whatever comes after; any state may still become paid on a matching «paid» detail (a
/// payer who paid after an abandon on the same page, an agent's check after an expiry), since the
/// gateway's word is what the money follows. An answer that does not match credits nothing and marks
/// the payment for an agent.
/// </summary>
public static class PaymentConfirmation
{
    public const string PendingExplanation = "Le paiement est en cours auprès de PayFiP : son résultat n'est pas encore connu.";

    /// <summary>The decision on an answer; null when it changes nothing.</summary>
    public static PaymentDecision? Decide(CreatedPayment created, OnlinePaymentState current, GatewayReport report, DateTimeOffset now)
    {
        if (current == OnlinePaymentState.Paid) return null;
        return report switch
        {
            GatewayReport.Detail detail => OnDetail(created, current, detail.Fields),
            GatewayReport.NotYetKnown when current == OnlinePaymentState.Pending && !PaymentFollowUp.IsWithinWindow(created.CreatedAt, now) => Expired(),
            GatewayReport.UnknownIdOp when current == OnlinePaymentState.Pending => Expired(),
            _ => null,
        };
    }

    private static PaymentDecision? OnDetail(CreatedPayment created, OnlinePaymentState current, GatewayDetail detail)
    {
        var differences = Differences(created, detail);
        if (differences.Count > 0)
            return new PaymentDecision(OnlinePaymentState.Rejected, false,
                $"La réponse de PayFiP ne correspond pas au paiement créé ({string.Join(" ; ", differences)}) : rien n'a été crédité. La commune vérifie ce paiement.");
        var result = detail.Result;
        if (result.IsPaid())
            return new PaymentDecision(OnlinePaymentState.Paid, true,
                $"Paiement de {FrenchText.Euros(created.AmountCents)} accepté par {result.Means()} sur PayFiP.", detail.TransactionAt, detail.Numauto.Trim());
        // After an expiry only a payment matters: a late refusal or abandon says nothing new.
        if (current == OnlinePaymentState.Expired) return null;
        PaymentDecision decision = result switch
        {
            TransactionResult.CardRefused or TransactionResult.DirectDebitRefused => new(OnlinePaymentState.Refused, false,
                "Le paiement a été refusé par la banque : rien n'a été prélevé ni crédité.", detail.TransactionAt),
            TransactionResult.Abandoned => new(OnlinePaymentState.Abandoned, false,
                "Le paiement a été abandonné sur la page de PayFiP : rien n'a été prélevé ni crédité.", detail.TransactionAt),
            _ => new(OnlinePaymentState.Rejected, false,
                $"PayFiP a répondu un résultat inconnu (« {detail.Resultrans.Trim()} ») : rien n'a été crédité. La commune vérifie ce paiement."),
        };
        return decision.State == current ? null : decision;
    }

    private static PaymentDecision Expired() => new(OnlinePaymentState.Expired, false,
        $"Aucun paiement n'a abouti dans les {PaymentFollowUp.Window.TotalMinutes:0} minutes : la demande de paiement a expiré. Rien n'a été prélevé ni crédité.");

    /// <summary>Each field of the answer that differs from what was created, said in French.</summary>
    public static IReadOnlyList<string> Differences(CreatedPayment created, GatewayDetail detail)
    {
        var differences = new List<string>();
        if (detail.IdOp.Trim().Length > 0 && !string.Equals(detail.IdOp.Trim(), created.IdOp, StringComparison.OrdinalIgnoreCase))
            differences.Add($"identifiant d'opération : {created.IdOp} attendu, {detail.IdOp.Trim()} annoncé");
        if (!string.Equals(detail.Refdet.Trim(), created.Refdet, StringComparison.Ordinal))
            differences.Add($"référence : {created.Refdet} attendue, « {detail.Refdet.Trim()} » annoncée");
        if (!long.TryParse(detail.Montant.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount != created.AmountCents)
            differences.Add($"montant : {FrenchText.Euros(created.AmountCents)} attendu, "
                + (long.TryParse(detail.Montant.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var said) ? $"{FrenchText.Euros(said)} annoncé" : $"« {detail.Montant.Trim()} » annoncé"));
        if (!string.Equals(detail.Numcli.Trim(), created.Numcli, StringComparison.Ordinal))
            differences.Add($"régie : {created.Numcli} attendue, « {detail.Numcli.Trim()} » annoncée");
        if (!string.Equals(detail.Exer.Trim(), created.Exer, StringComparison.Ordinal))
            differences.Add($"exercice : {created.Exer} attendu, « {detail.Exer.Trim()} » annoncé");
        return differences;
    }
}

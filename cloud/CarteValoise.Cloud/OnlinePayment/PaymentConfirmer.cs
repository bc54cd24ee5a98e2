using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// Confirms a payment with PayFiP itself. The notification PayFiP sends is not signed, so it is only
/// a hint that something happened: whatever calls — the notification, its replay, the return page,
/// the reconciliation timer, an agent — the cloud asks <c>recupererDetailPaiementSecurise</c> and the
/// payment's grain checks the answer against what was created (idOp, refdet, montant, numcli, exer)
/// before anything is credited, once per idOp. An idOp the platform never created is not even asked
/// about: a forged notification changes nothing and costs one read.
/// </summary>
public sealed class PaymentConfirmer(IGrainFactory grains, IPayFiPGateway gateway, ReceiptMailer receipts, ILogger<PaymentConfirmer> logger)
{
    /// <summary>The payment after confirming it; null for an idOp the platform does not know. A gateway out of reach leaves it as it was.</summary>
    public async Task<OnlinePaymentRecord?> ConfirmAsync(string idOp, string why, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IOnlinePaymentGrain>(idOp);
        var payment = await grain.Get();
        if (payment is null)
        {
            logger.LogWarning("Paiement {IdOp} inconnu ({Why}) : ignoré, PayFiP n'est pas interrogé", idOp, why);
            return null;
        }

        GatewayReport report;
        try
        {
            report = await gateway.GetPaymentDetailAsync(idOp, cancellationToken);
        }
        catch (PayFiPException unanswered)
        {
            logger.LogWarning("PayFiP n'a pas confirmé le paiement {IdOp} ({Why}) : {Reason}", idOp, why, unanswered.Message);
            return payment;
        }

        var answer = report switch
        {
            GatewayReport.Detail detail => new GatewayAnswer(GatewayAnswerKind.Detail, GatewayDetailRecord.From(detail.Fields)),
            GatewayReport.NotYetKnown => GatewayAnswer.NotYetKnown,
            _ => GatewayAnswer.UnknownIdOp,
        };
        var applied = await grain.Apply(answer) ?? payment;
        if (applied.State != payment.State)
            logger.LogInformation("Paiement {IdOp} de la famille {FamilyId} : {Before} -> {After} ({Why})",
                idOp, applied.Request.FamilyId, payment.State, applied.State, why);
        if (applied.State == Domain.Payments.OnlinePaymentState.Rejected && payment.State != applied.State)
            logger.LogWarning("Paiement {IdOp} : réponse de PayFiP non conforme : {Explanation}", idOp, applied.Explanation);
        if (applied is { State: Domain.Payments.OnlinePaymentState.Paid, ReceiptSent: false }) receipts.Enqueue(idOp);
        return applied;
    }
}

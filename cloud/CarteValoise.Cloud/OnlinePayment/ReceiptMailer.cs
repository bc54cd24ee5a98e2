using System.Threading.Channels;
using CarteValoise.Cloud.Mail;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// Mails the receipt of each paid payment to its payer, once, off the path of the notification (which
/// must be answered quickly). A payment paid and not yet mailed is also handed back by the
/// reconciliation timer, so a mail lost to a crash or an SMTP outage is sent later.
/// </summary>
public sealed class ReceiptMailer(IGrainFactory grains, IMailSender mail, PortalLinks links, ILogger<ReceiptMailer> logger) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string idOp) => _queue.Writer.TryWrite(idOp);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var idOp in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(idOp, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(failure, "Reçu du paiement {IdOp} non envoyé : nouvel essai au prochain rapprochement", idOp);
            }
        }
    }

    /// <summary>Sends the receipt if the payment is paid and its receipt not yet sent; the one reader of the queue, so never twice at once.</summary>
    public async Task SendAsync(string idOp, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IOnlinePaymentGrain>(idOp);
        if (await grain.Get() is not { State: Domain.Payments.OnlinePaymentState.Paid, ReceiptSent: false } payment) return;
        var communeName = (await grains.GetGrain<ICommuneGrain>(payment.Request.CommuneCode).GetProfile())?.Name ?? payment.Request.CommuneCode;
        var receipt = ReceiptPdf.Render(payment, communeName);
        await mail.SendAsync(Mail(payment, communeName, receipt), cancellationToken);
        await grain.MarkReceiptSent();
        logger.LogInformation("Reçu du paiement {IdOp} envoyé à {Mel}", idOp, payment.Request.Mel);
    }

    private OutgoingMail Mail(OnlinePaymentRecord payment, string communeName, byte[] receipt)
    {
        var amount = FrenchText.Euros(payment.Request.AmountCents);
        var text = $"""
            Bonjour,

            Votre paiement en ligne de {amount} a bien été reçu le {FrenchText.DayAndTime(payment.PaidAt ?? payment.UpdatedAt)}.

            Objet : {payment.Request.Purpose}
            Référence du paiement : {payment.Request.Refdet}
            Identifiant de l'opération PayFiP : {payment.IdOp}
            {(payment.AuthorisationNumber.Length > 0 ? $"Numéro d'autorisation : {payment.AuthorisationNumber}" : "")}

            Le reçu est joint à ce courriel (PDF). Vous retrouvez vos paiements dans « Mes paiements » : {links.To("Paiement")}

            Mairie {CommuneWords.Of(communeName)} — service scolaire
            Ce courriel est envoyé automatiquement : merci de ne pas y répondre.
            """;
        return new OutgoingMail(payment.Request.Mel, $"Reçu de votre paiement en ligne de {amount} — {communeName}", text,
            [new MailAttachment(ReceiptPdf.FileName(payment), "application/pdf", receipt)]);
    }
}

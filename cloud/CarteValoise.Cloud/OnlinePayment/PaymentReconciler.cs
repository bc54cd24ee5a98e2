using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// PayFiP's notification may never come, and the payer may never come back: every
/// <c>PayFiP:ReconcileEverySeconds</c> the payments still followed (pending, or abandoned or refused
/// within 20 minutes of their creation) are confirmed with the gateway, until they are paid or
/// expire; paid ones whose receipt was not mailed are mailed. Only this month's and last month's
/// books are read: a payment is followed for 20 minutes.
/// </summary>
public sealed class PaymentReconciler(
    IGrainFactory grains,
    PaymentConfirmer confirmer,
    ReceiptMailer receipts,
    PayFiPSettings settings,
    TimeProvider time,
    ILogger<PaymentReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ReconcileEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(failure, "Rapprochement des paiements en ligne interrompu : repris au prochain passage");
            }
        }
    }

    /// <summary>One pass over every commune; returns how many payments were looked at.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var month = BillingMonth.Of(ServiceDay.Of(now));
        var communes = await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();
        var looked = 0;
        foreach (var commune in communes.Keys)
        {
            foreach (var book in new[] { month, month.Previous() })
            {
                foreach (var idOp in await grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.CommuneMonth(commune, book)).ToFollow(now))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    looked++;
                    try
                    {
                        if (await grains.GetGrain<IOnlinePaymentGrain>(idOp).Get() is { State: Domain.Payments.OnlinePaymentState.Paid })
                            receipts.Enqueue(idOp);
                        else
                            await confirmer.ConfirmAsync(idOp, "rapprochement périodique", cancellationToken);
                    }
                    catch (Exception failure) when (failure is not OperationCanceledException)
                    {
                        // One payment's trouble never stops the others'.
                        logger.LogWarning(failure, "Rapprochement du paiement {IdOp} en échec", idOp);
                    }
                }
            }
        }
        return looked;
    }
}

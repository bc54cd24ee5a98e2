using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Payments;

[GenerateSerializer]
public sealed class OnlinePaymentGrainState
{
    [Id(0)] public OnlinePaymentRecord? Payment { get; set; }
}

public sealed class OnlinePaymentGrain(
    [PersistentState("online-payment", GrainKeys.StorageName)] IPersistentState<OnlinePaymentGrainState> state,
    TimeProvider time) : Grain, IOnlinePaymentGrain
{
    public async Task Open(OnlinePaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdOp != this.GetPrimaryKeyString())
            throw new ArgumentException($"Le paiement {request.IdOp} ne peut pas être enregistré sous l'identifiant {this.GetPrimaryKeyString()}.");
        if (state.State.Payment is { } known)
        {
            if (known.Request != request)
                throw new InvalidOperationException($"Le paiement {request.IdOp} existe déjà pour un autre objet.");
            // A retry of an open that stopped short still reaches the books.
            await Publish(known);
            return;
        }
        var opened = new OnlinePaymentRecord(request, OnlinePaymentState.Pending, PaymentConfirmation.PendingExplanation, request.CreatedAt);
        await Save(opened);
        await Publish(opened);
    }

    public Task<OnlinePaymentRecord?> Get() => Task.FromResult(state.State.Payment);

    public async Task<OnlinePaymentRecord?> Apply(GatewayAnswer answer)
    {
        if (state.State.Payment is not { } payment) return null;
        var now = time.GetUtcNow();
        var decision = PaymentConfirmation.Decide(payment.Request.Created, payment.State, answer.ToReport(), now);
        if (decision is null)
        {
            // Nothing new; the books are told again, harmlessly, in case an earlier telling was lost.
            await Publish(payment);
            return payment;
        }

        var updated = payment with { State = decision.State, Explanation = decision.Explanation, UpdatedAt = now };
        if (decision.Credit)
        {
            var means = answer.Detail?.ToDomain().Result.Means() ?? TransactionResult.PaidByCard.Means();
            // Credited before the payment is written: a failure in between is retried, and the
            // family applies «payfip:{idOp}» once.
            var creditedAs = await Credit(payment.Request, means);
            updated = updated with { PaidAt = decision.TransactionAt ?? now, AuthorisationNumber = decision.AuthorisationNumber, CreditedAs = creditedAs, Means = means };
        }
        await Save(updated);
        await Publish(updated);
        return updated;
    }

    public async Task MarkReceiptSent()
    {
        if (state.State.Payment is not { ReceiptSent: false } payment) return;
        var sent = payment with { ReceiptSent = true };
        await Save(sent);
        await Publish(sent);
    }

    public static string OperationId(string idOp) => $"payfip:{idOp}";

    /// <summary>
    /// An invoice receives the payment; if it was paid meanwhile (at the counter, or by another online
    /// payment), the money the gateway took is credited to the family's account instead, never lost.
    /// </summary>
    private async Task<string> Credit(OnlinePaymentRequest request, string means)
    {
        var family = GrainFactory.GetGrain<IFamilyGrain>(request.FamilyId);
        var operation = OperationId(request.IdOp);
        if (request.InvoiceNumber is not { } number)
        {
            var label = $"Rechargement en ligne du solde ({means})";
            await family.Credit(operation, request.AmountCents, label);
            return label;
        }
        try
        {
            // As the counter's payments read on the invoice: «Paiement reçu le … (en ligne, carte bancaire)».
            await family.RecordInvoicePayment(operation, number, request.AmountCents, $"en ligne, {means}");
            return $"Paiement de la facture {number} (en ligne, {means})";
        }
        catch (Exception refused) when (refused is InvalidOperationException or KeyNotFoundException)
        {
            var label = $"Paiement en ligne de la facture {number}, déjà réglée : {FrenchText.Euros(request.AmountCents)} portés au crédit du compte";
            await family.Credit(operation, request.AmountCents, label);
            return label;
        }
    }

    private async Task Save(OnlinePaymentRecord payment)
    {
        var before = state.State.Payment;
        state.State.Payment = payment;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Payment = before;
            throw;
        }
    }

    private Task Publish(OnlinePaymentRecord payment)
    {
        var month = BillingMonth.Of(ServiceDay.Of(payment.Request.CreatedAt));
        return Task.WhenAll(
            GrainFactory.GetGrain<IPaymentBookGrain>(PaymentBookKeys.CommuneMonth(payment.Request.CommuneCode, month)).Record(payment),
            GrainFactory.GetGrain<IPaymentBookGrain>(PaymentBookKeys.Family(payment.Request.FamilyId)).Record(payment));
    }
}

using System.Text.RegularExpressions;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Payments;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Payments;
using Google.Protobuf;
using Grpc.Core;
using WirePayment = CarteValoise.Contracts.Payments.OnlinePayment;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// Online payment through PayFiP. Parents start payments for their own family and read them; the
/// notification is anonymous and only makes the cloud ask PayFiP; agents read and reconcile their
/// commune's payments, each opening of a payment written to the family's access log. A payment
/// someone may not see answers exactly as one that does not exist.
/// </summary>
public sealed partial class PaymentsService(
    IGrainFactory grains,
    CallerResolver callers,
    AccessLog accessLog,
    PaymentStarter starter,
    PaymentConfirmer confirmer,
    TimeProvider time,
    ILogger<PaymentsService> logger) : Payments.PaymentsBase
{
    public override async Task<StartedPayment> StartPayment(StartPaymentRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var (payment, gatewayUrl) = await starter.StartAsync(caller,
            request.WhatCase == StartPaymentRequest.WhatOneofCase.InvoiceNumber ? request.InvoiceNumber : null,
            request.WhatCase == StartPaymentRequest.WhatOneofCase.TopUpCents ? request.TopUpCents : null,
            context.CancellationToken);
        return new StartedPayment { IdOp = payment.IdOp, GatewayUrl = gatewayUrl.AbsoluteUri, Payment = payment.ToWire(await CommuneName(payment.Request.CommuneCode)) };
    }

    public override async Task<NotificationReceipt> ConfirmNotification(PaymentNotification request, ServerCallContext context)
    {
        var idOp = request.IdOp?.Trim() ?? "";
        if (IdOpShape().IsMatch(idOp)) await confirmer.ConfirmAsync(idOp, "notification de PayFiP", context.CancellationToken);
        else logger.LogWarning("Notification de paiement ignorée : identifiant d'opération mal formé");
        return new NotificationReceipt();
    }

    public override async Task<WirePayment> GetPayment(GetPaymentRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var payment = await ReadableAsync(caller, request.IdOp, "consultation du paiement en ligne");
        // The return page shows the result once confirmed with PayFiP, not what the browser says.
        if (PaymentFollowUp.IsFollowed(payment.State, payment.Request.CreatedAt, time.GetUtcNow()))
            payment = await confirmer.ConfirmAsync(payment.IdOp, "page de retour", context.CancellationToken) ?? payment;
        return payment.ToWire(await CommuneName(payment.Request.CommuneCode));
    }

    public override async Task<PaymentList> ListMyPayments(ListMyPaymentsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role != CallerRole.Parent || string.IsNullOrEmpty(caller.FamilyId))
            throw WireErrors.PermissionDenied("Seuls les parents ont des paiements en ligne.");
        var payments = await grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.Family(caller.FamilyId)).List();
        var reply = new PaymentList();
        foreach (var payment in payments) reply.Payments.Add(payment.ToWire(await CommuneName(payment.Request.CommuneCode)));
        return reply;
    }

    public override async Task<PaymentReceipt> GetReceiptPdf(GetReceiptPdfRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var payment = await ReadableAsync(caller, request.IdOp, "reçu du paiement en ligne");
        if (payment.State != Domain.Payments.OnlinePaymentState.Paid)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Ce paiement n'a pas abouti ({payment.State.Label().ToLowerInvariant()}) : il n'a pas de reçu."));
        var pdf = ReceiptPdf.Render(payment, await CommuneName(payment.Request.CommuneCode));
        return new PaymentReceipt { FileName = ReceiptPdf.FileName(payment), Pdf = ByteString.CopyFrom(pdf) };
    }

    public override async Task<CommunePayments> ListCommunePayments(ListCommunePaymentsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = request.CommuneInseeCode?.Trim() ?? "";
        if (!AccessRules.CanReadCommune(caller, commune))
        {
            logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les paiements en ligne de la commune {Commune}", caller.AccountId, caller.Role, commune);
            throw WireErrors.PermissionDenied("Accès refusé aux paiements de cette commune.");
        }
        BillingMonth month;
        if (string.IsNullOrWhiteSpace(request.Month)) month = BillingMonth.Of(ServiceDay.Today(time));
        else if (!BillingMonth.TryParse(request.Month, out month))
            throw WireErrors.InvalidArgument($"Mois « {request.Month} » invalide : attendu AAAA-MM, par exemple 2026-12.");
        var state = PaymentsWire.FromWire(request.State);

        var all = await grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.CommuneMonth(commune, month)).List();
        var name = await CommuneName(commune);
        var reply = new CommunePayments
        {
            CommuneInseeCode = commune,
            Month = month.ToString(),
            Count = all.Count,
            PaidCount = all.Count(p => p.State == Domain.Payments.OnlinePaymentState.Paid),
            PaidCents = all.Where(p => p.State == Domain.Payments.OnlinePaymentState.Paid).Sum(p => p.Request.AmountCents),
            PendingCount = all.Count(p => p.State == Domain.Payments.OnlinePaymentState.Pending),
            PendingCents = all.Where(p => p.State == Domain.Payments.OnlinePaymentState.Pending).Sum(p => p.Request.AmountCents),
            FailedCount = all.Count(p => p.State is Domain.Payments.OnlinePaymentState.Refused or Domain.Payments.OnlinePaymentState.Abandoned or Domain.Payments.OnlinePaymentState.Expired),
            RejectedCount = all.Count(p => p.State == Domain.Payments.OnlinePaymentState.Rejected),
        };
        reply.Payments.AddRange(all.Where(p => state is null || p.State == state).Select(p => p.ToWire(name)));
        return reply;
    }

    public override async Task<WirePayment> ReconcilePayment(ReconcilePaymentRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role != CallerRole.Agent)
            throw WireErrors.PermissionDenied("Seuls les agents de la commune rapprochent un paiement avec PayFiP.");
        var payment = await ReadableAsync(caller, request.IdOp, "rapprochement avec PayFiP");
        payment = await confirmer.ConfirmAsync(payment.IdOp, $"rapprochement demandé par {caller.AccountId}", context.CancellationToken) ?? payment;
        return payment.ToWire(await CommuneName(payment.Request.CommuneCode));
    }

    /// <summary>
    /// The payment, when the caller may read it: a parent of its family, or an agent of its commune
    /// (the read written to the family's access log with <paramref name="why"/>). Otherwise NOT_FOUND,
    /// as for a payment that does not exist, and the attempt is written to the family's log.
    /// </summary>
    private async Task<OnlinePaymentRecord> ReadableAsync(Caller caller, string? idOp, string why)
    {
        var id = idOp?.Trim() ?? "";
        var payment = IdOpShape().IsMatch(id) ? await grains.GetGrain<IOnlinePaymentGrain>(id).Get() : null;
        if (payment is null) throw Unknown();
        var family = payment.Request.FamilyId;
        var allowed = caller.Role switch
        {
            CallerRole.Parent => caller.FamilyId == family,
            CallerRole.Agent => AccessRules.CanReadFamily(caller, family, payment.Request.CommuneCode),
            _ => false,
        };
        if (!allowed)
        {
            await accessLog.RecordRefusal(caller, family, $"paiement en ligne {id}");
            throw Unknown();
        }
        if (AccessRules.MustLogRead(caller)) await accessLog.RecordRead(caller, family, $"paiement en ligne {id} ({payment.Request.Purpose})", why);
        return payment;
    }

    private async Task<string> CommuneName(string code) => (await grains.GetGrain<ICommuneGrain>(code).GetProfile())?.Name ?? code;

    private static RpcException Unknown() => new(new Status(StatusCode.NotFound, "Paiement introuvable."));

    /// <summary>PayFiP's idOp is a 36-character UUID; anything of that alphabet and a sane length is accepted, nothing else is looked up.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex IdOpShape();
}

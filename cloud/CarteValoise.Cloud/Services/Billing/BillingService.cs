using CarteValoise.Cloud.Documents;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Billing;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Billing;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using Google.Protobuf;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Billing;

/// <summary>
/// Monthly invoices: closing a month, the paid / unpaid table and a payment at the counter for the
/// commune's agents; an invoice's PDF for them and for the parent of the invoiced family. An invoice
/// someone may not see answers exactly as one that does not exist: no existence leak across communes
/// or families.
/// </summary>
public sealed class BillingService(
    IGrainFactory grains,
    CallerResolver callers,
    AccessLog accessLog,
    ILogger<BillingService> logger) : Contracts.Billing.Billing.BillingBase
{
    public override async Task<MonthClose> CloseMonth(CloseMonthRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireCommune(caller, request.CommuneInseeCode);
        var month = ParseMonth(request.Month);
        MonthClosing closing;
        try
        {
            closing = await Book(commune).CloseMonth(month.FirstDay, SignedBy.Of(caller));
        }
        catch (MonthCloseInterruptedException interrupted)
        {
            logger.LogWarning(interrupted.InnerException, "Clôture de {Month} interrompue pour la commune {Commune}", month, commune);
            throw new RpcException(new Status(StatusCode.Unavailable, interrupted.Message));
        }
        catch (Exception refused) when (refused is InvalidOperationException or InvalidRulesException)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, refused.Message));
        }
        if (closing.CreatedNow > 0)
            logger.LogInformation("Mois {Month} clôturé pour la commune {Commune} par {AccountId} : {Count} factures", month, commune, caller.AccountId, closing.CreatedNow);
        return closing.ToWire(commune);
    }

    public override async Task<MonthClose> GetMonth(CloseMonthRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        var month = ParseMonth(request.Month);
        var closing = await Book(commune).GetClosing(month.FirstDay);
        return closing is null ? BillingWire.NotClosed(commune, month) : closing.ToWire(commune);
    }

    public override async Task<ClosedMonths> ListClosedMonths(ListClosedMonthsRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        var reply = new ClosedMonths();
        reply.Months.AddRange((await Book(commune).GetClosings()).Select(c => c.ToWire(commune, withInvoices: false)));
        return reply;
    }

    public override async Task<InvoiceSummary> RecordPayment(RecordPaymentRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role != CallerRole.Agent)
            throw WireErrors.PermissionDenied("Seuls les agents de la commune enregistrent un paiement de facture.");
        var number = ParseNumber(request.InvoiceNumber);
        if (string.IsNullOrWhiteSpace(request.OperationId))
            throw WireErrors.InvalidArgument("Le paiement doit porter un identifiant d'opération (operation_id), pour n'être enregistré qu'une fois.");
        var entry = await Find(number);
        if (entry is null || !AccessRules.CanReadCommune(caller, number.CommuneInseeCode))
            throw Unknown(number);

        IssuedInvoice paid;
        try
        {
            paid = await grains.GetGrain<IFamilyGrain>(entry.FamilyId).RecordInvoicePayment(request.OperationId, number.ToString(), request.AmountCents, request.Means);
        }
        catch (KeyNotFoundException)
        {
            throw Unknown(number);
        }
        catch (ArgumentException invalid)
        {
            throw WireErrors.InvalidArgument(invalid.Message);
        }
        catch (InvalidOperationException refused)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, refused.Message));
        }
        await accessLog.RecordRead(caller, entry.FamilyId, $"facture {number}", $"paiement enregistré ({request.Means.Trim()})");
        logger.LogInformation("Paiement de {Amount} centimes sur la facture {Number} enregistré par {AccountId}", request.AmountCents, number, caller.AccountId);
        return paid.ToWire();
    }

    public override async Task<InvoiceDocument> GetInvoicePdf(GetInvoicePdfRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var number = ParseNumber(request.InvoiceNumber);
        var entry = await Find(number);
        if (entry is null) throw Unknown(number);
        var agent = AccessRules.CanReadCommune(caller, number.CommuneInseeCode);
        if (!agent && !(caller.Role == CallerRole.Parent && caller.FamilyId == entry.FamilyId))
        {
            await accessLog.RecordRefusal(caller, entry.FamilyId, $"facture {number}");
            throw Unknown(number);
        }

        var family = grains.GetGrain<IFamilyGrain>(entry.FamilyId);
        var invoice = (await family.GetInvoices()).FirstOrDefault(i => i.Number == number.ToString()) ?? throw Unknown(number);
        if (AccessRules.MustLogRead(caller))
            await accessLog.RecordRead(caller, entry.FamilyId, $"facture {number}", "consultation de la facture");
        var commune = await grains.GetGrain<ICommuneGrain>(number.CommuneInseeCode).GetProfile();
        var pdf = InvoicePdf.Render(invoice, InvoiceHeader.For(invoice, commune?.Name ?? number.CommuneInseeCode, await family.GetProfile()));
        return new InvoiceDocument { FileName = $"facture-{number}.pdf", Pdf = ByteString.CopyFrom(pdf) };
    }

    private IInvoiceBookGrain Book(string commune) => grains.GetGrain<IInvoiceBookGrain>(commune);

    private Task<InvoiceIndexEntry?> Find(InvoiceNumber number) => Book(number.CommuneInseeCode).FindInvoice(number.ToString());

    private static RpcException Unknown(InvoiceNumber number) => new(new Status(StatusCode.NotFound, $"Facture {number} introuvable."));

    private static BillingMonth ParseMonth(string text) => BillingMonth.TryParse(text, out var month)
        ? month
        : throw WireErrors.InvalidArgument($"Mois « {text} » invalide : attendu AAAA-MM, par exemple 2026-11.");

    private static InvoiceNumber ParseNumber(string text)
    {
        try
        {
            return InvoiceNumber.Parse(text);
        }
        catch (FormatException malformed)
        {
            throw WireErrors.InvalidArgument(malformed.Message);
        }
    }

    private string RequireCommune(Caller caller, string communeCode)
    {
        if (AccessRules.CanReadCommune(caller, communeCode)) return communeCode;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé la facturation de la commune {Commune}", caller.AccountId, caller.Role, communeCode);
        throw WireErrors.PermissionDenied("Accès refusé à la facturation de cette commune.");
    }
}

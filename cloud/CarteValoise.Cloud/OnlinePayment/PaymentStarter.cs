using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Identity;
using CarteValoise.Grains.Payments;
using Grpc.Core;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>What a parent asked to pay, made ready for PayFiP: the amount, the reference, the object and what it is for.</summary>
internal sealed record PaymentToStart(string? InvoiceNumber, long AmountCents, string Refdet, string Objet, string Purpose);

/// <summary>
/// Starts an online payment for a parent: checks what is paid (an invoice of their family with
/// something left to pay, the whole of it; or a top-up of a prepaid balance), creates the payment at
/// PayFiP with the family's régie, keeps it under the idOp PayFiP gave, and says where the browser goes.
/// The payment is kept before the browser is sent anywhere, so no one pays a payment the platform does not know.
/// </summary>
public sealed class PaymentStarter(IGrainFactory grains, IPayFiPGateway gateway, PayFiPSettings settings, PortalLinks links, TimeProvider time, ILogger<PaymentStarter> logger)
{
    public async Task<(OnlinePaymentRecord Payment, Uri GatewayUrl)> StartAsync(Caller caller, string? invoiceNumber, long? topUpCents, CancellationToken cancellationToken)
    {
        if (caller.Role != CallerRole.Parent || string.IsNullOrEmpty(caller.FamilyId))
            throw WireErrors.PermissionDenied("Seuls les parents paient en ligne, pour leur propre famille.");
        var family = grains.GetGrain<IFamilyGrain>(caller.FamilyId);
        var profile = await family.GetProfile() ?? throw new RpcException(new Status(StatusCode.NotFound, "Votre famille est introuvable."));
        var now = time.GetUtcNow();

        var what = invoiceNumber is not null
            ? await InvoiceAsync(family, invoiceNumber)
            : topUpCents is { } cents
                ? await TopUpAsync(family, profile, cents, now)
                : throw WireErrors.InvalidArgument("Indiquez la facture à payer ou le montant du rechargement.");

        var mel = await PayerEmailAsync(caller, profile);
        var fields = new PayFiPPaymentFields(settings.NumcliFor(profile.CommuneCode), ServiceDay.ToParisTime(now).Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            what.Refdet, what.Objet, what.AmountCents, mel, settings.Saisie);
        if (PayFiPFields.Problems(fields) is { Count: > 0 } problems)
        {
            logger.LogWarning("Paiement en ligne impossible pour la famille {FamilyId} : {Problems}", profile.FamilyId, string.Join(" / ", problems));
            throw new RpcException(new Status(StatusCode.FailedPrecondition, string.Join("\n", problems)));
        }

        string idOp;
        try
        {
            idOp = await gateway.CreatePaymentAsync(new PayFiPCreation(fields, links.To("Paiement/Notification"), links.To("Paiement/Retour")), cancellationToken);
        }
        catch (PayFiPRefusedException refused)
        {
            logger.LogWarning("PayFiP a refusé de créer le paiement de la famille {FamilyId} : {Code} {Libelle} {Descriptif}", profile.FamilyId, refused.Code, refused.Libelle, refused.Descriptif);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"PayFiP a refusé le paiement : {Said(refused)} ({refused.Code})."));
        }
        catch (PayFiPUnavailableException unavailable)
        {
            logger.LogWarning("PayFiP indisponible pour créer le paiement de la famille {FamilyId} : {Reason}", profile.FamilyId, unavailable.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, "Le paiement en ligne est momentanément indisponible : réessayez dans quelques minutes."));
        }

        var request = new OnlinePaymentRequest(idOp, profile.FamilyId, profile.Name, profile.CommuneCode, what.InvoiceNumber, what.AmountCents,
            fields.Refdet, fields.Exer, fields.Numcli, fields.Objet, fields.Mel, fields.Saisie.Code(), caller.AccountId, caller.DisplayName, now, what.Purpose);
        var payment = grains.GetGrain<IOnlinePaymentGrain>(idOp);
        await payment.Open(request);
        logger.LogInformation("Paiement en ligne {IdOp} créé pour la famille {FamilyId} : {Amount} centimes, {Purpose}", idOp, profile.FamilyId, what.AmountCents, what.Purpose);
        return ((await payment.Get())!, gateway.PaymentPage(idOp));
    }

    private static async Task<PaymentToStart> InvoiceAsync(IFamilyGrain family, string invoiceNumber)
    {
        if (!InvoiceNumber.TryParse(invoiceNumber, out var number))
            throw WireErrors.InvalidArgument($"« {invoiceNumber} » n'est pas un numéro de facture (par exemple 95018-2026-11-000001).");
        var invoice = (await family.GetInvoices()).FirstOrDefault(i => i.Number == number.ToString())
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Facture {number} introuvable."));
        var due = invoice.TotalCents - invoice.PaidCents;
        if (OnlinePayable.InvoiceProblem(invoice.Number, due) is { } problem)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, problem));
        var month = BillingMonth.Of(invoice.MonthStart);
        return new PaymentToStart(invoice.Number, due, PayFiPReference.ForInvoice(invoice.Number),
            PayFiPFields.Objet($"Facture {invoice.Number} cantine et périscolaire {month.Label}"),
            $"Facture {invoice.Number} ({month.Label})");
    }

    private static async Task<PaymentToStart> TopUpAsync(IFamilyGrain family, FamilyProfile profile, long cents, DateTimeOffset now)
    {
        if ((await family.GetAccount()).BillingMode != BillingMode.PrepaidBalance)
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "Votre commune facture les repas au mois : il n'y a pas de solde à recharger. Payez vos factures en ligne depuis « Ma famille »."));
        if (OnlinePayable.TopUpProblem(cents) is { } problem) throw WireErrors.InvalidArgument(problem);
        return new PaymentToStart(null, cents, PayFiPReference.ForTopUp(profile.FamilyId, now),
            PayFiPFields.Objet($"Rechargement du solde cantine famille {profile.FamilyId}"), "Rechargement du solde");
    }

    /// <summary>The signed-in account's address (where the receipt goes); the family's own when the account has none usable.</summary>
    private async Task<string> PayerEmailAsync(Caller caller, FamilyProfile profile)
    {
        var account = await grains.GetGrain<IAccountGrain>(caller.AccountId.ToLowerInvariant()).Get();
        if (account is not null && PayFiPFields.MelProblem(account.Email) is null) return account.Email;
        if (PayFiPFields.MelProblem(profile.Email) is null) return profile.Email;
        throw new RpcException(new Status(StatusCode.FailedPrecondition,
            "Aucune adresse électronique utilisable n'est connue pour vous envoyer le reçu : indiquez-en une dans votre compte, puis recommencez."));
    }

    private static string Said(PayFiPRefusedException refused) =>
        refused.Descriptif.Length > 0 ? refused.Descriptif : refused.Libelle.Length > 0 ? refused.Libelle : "motif non précisé";
}

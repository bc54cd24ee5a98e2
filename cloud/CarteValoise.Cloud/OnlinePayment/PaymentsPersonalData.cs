using CarteValoise.Cloud.Privacy;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>«Mes données»: the household's online payments, each as PayFiP knows it, and the receipt of each one paid.</summary>
public sealed class PaymentsPersonalData(IGrainFactory grains) : IPersonalDataSection
{
    public string Name => "paiements";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(citizen.FamilyId)) return new PersonalDataPart(Array.Empty<object>(), []);
        var payments = await grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.Family(citizen.FamilyId)).List();
        var files = new List<PersonalDataFile>();
        foreach (var payment in payments.Where(p => p.State == Domain.Payments.OnlinePaymentState.Paid))
        {
            var commune = (await grains.GetGrain<ICommuneGrain>(payment.Request.CommuneCode).GetProfile())?.Name ?? payment.Request.CommuneCode;
            files.Add(new PersonalDataFile(ReceiptPdf.FileName(payment), "application/pdf", ReceiptPdf.Render(payment, commune)));
        }
        var data = payments.Select(p => new
        {
            identifiantOperation = p.IdOp,
            objet = p.Request.Purpose,
            facture = p.Request.InvoiceNumber,
            montantCentimes = p.Request.AmountCents,
            etat = p.State.Label(),
            explication = p.Explanation,
            creeLe = p.Request.CreatedAt,
            payeLe = p.PaidAt,
            reference = p.Request.Refdet,
            autorisation = p.AuthorisationNumber,
            moyen = p.Means,
            porteAuCompte = p.CreditedAs,
            payeur = p.Request.PayerName,
            courriel = p.Request.Mel,
            recuEnvoye = p.ReceiptSent,
        }).ToList();
        return new PersonalDataPart(data, files);
    }
}

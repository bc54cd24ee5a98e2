using CarteValoise.Domain.Payments;

namespace CarteValoise.Grains.Payments;

/// <summary>
/// A payment as it was created at PayFiP: the fields sent to <c>creerPaiementSecurise</c>, the idOp
/// it answered, and what the payment is for (an invoice, or a top-up when <see cref="InvoiceNumber"/>
/// is null). <see cref="Purpose"/> says it in French: «Facture 95018-2026-11-000001 (novembre 2026)».
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OnlinePaymentRequest(
    [property: Id(0)] string IdOp,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string FamilyName,
    [property: Id(3)] string CommuneCode,
    [property: Id(4)] string? InvoiceNumber,
    [property: Id(5)] long AmountCents,
    [property: Id(6)] string Refdet,
    [property: Id(7)] string Exer,
    [property: Id(8)] string Numcli,
    [property: Id(9)] string Objet,
    [property: Id(10)] string Mel,
    [property: Id(11)] string Saisie,
    [property: Id(12)] string PayerAccountId,
    [property: Id(13)] string PayerName,
    [property: Id(14)] DateTimeOffset CreatedAt,
    [property: Id(15)] string Purpose)
{
    public CreatedPayment Created => new(IdOp, Refdet, AmountCents, Numcli, Exer, CreatedAt);
}

/// <summary>
/// A payment and where it stands. <see cref="CreditedAs"/> is the label of the movement that credited
/// the family (empty until paid); <see cref="ReceiptSent"/> once the receipt has been mailed to the payer.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OnlinePaymentRecord(
    [property: Id(0)] OnlinePaymentRequest Request,
    [property: Id(1)] OnlinePaymentState State,
    [property: Id(2)] string Explanation,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] DateTimeOffset? PaidAt = null,
    [property: Id(5)] string AuthorisationNumber = "",
    [property: Id(6)] string CreditedAs = "",
    [property: Id(7)] bool ReceiptSent = false,
    [property: Id(8)] string Means = "")
{
    public string IdOp => Request.IdOp;
}

public enum GatewayAnswerKind
{
    Detail = 1,
    /// <summary>Fault P5.</summary>
    NotYetKnown = 2,
    /// <summary>Fault P1.</summary>
    UnknownIdOp = 3,
}

/// <summary>PayFiP's answer to <c>recupererDetailPaiementSecurise</c>, as the cloud received it.</summary>
[GenerateSerializer, Immutable]
public sealed record GatewayAnswer(
    [property: Id(0)] GatewayAnswerKind Kind,
    [property: Id(1)] GatewayDetailRecord? Detail = null)
{
    public static GatewayAnswer NotYetKnown { get; } = new(GatewayAnswerKind.NotYetKnown);

    public static GatewayAnswer UnknownIdOp { get; } = new(GatewayAnswerKind.UnknownIdOp);

    public GatewayReport ToReport() => Kind switch
    {
        GatewayAnswerKind.Detail when Detail is not null => new GatewayReport.Detail(Detail.ToDomain()),
        GatewayAnswerKind.NotYetKnown => new GatewayReport.NotYetKnown(),
        GatewayAnswerKind.UnknownIdOp => new GatewayReport.UnknownIdOp(),
        _ => throw new ArgumentException("Réponse de PayFiP sans détail."),
    };
}

[GenerateSerializer, Immutable]
public sealed record GatewayDetailRecord(
    [property: Id(0)] string IdOp,
    [property: Id(1)] string Refdet,
    [property: Id(2)] string Montant,
    [property: Id(3)] string Numcli,
    [property: Id(4)] string Exer,
    [property: Id(5)] string Resultrans,
    [property: Id(6)] string Dattrans,
    [property: Id(7)] string Heurtrans,
    [property: Id(8)] string Numauto,
    [property: Id(9)] string Mel,
    [property: Id(10)] string Objet,
    [property: Id(11)] string Saisie)
{
    public GatewayDetail ToDomain() => new(IdOp, Refdet, Montant, Numcli, Exer, Resultrans, Dattrans, Heurtrans, Numauto, Mel, Objet, Saisie);

    public static GatewayDetailRecord From(GatewayDetail detail) => new(detail.IdOp, detail.Refdet, detail.Montant, detail.Numcli, detail.Exer,
        detail.Resultrans, detail.Dattrans, detail.Heurtrans, detail.Numauto, detail.Mel, detail.Objet, detail.Saisie);
}

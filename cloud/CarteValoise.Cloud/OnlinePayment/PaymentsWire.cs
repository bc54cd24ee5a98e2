using CarteValoise.Contracts.Payments;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Payments;
using Google.Protobuf.WellKnownTypes;
using WirePayment = CarteValoise.Contracts.Payments.OnlinePayment;
using WireState = CarteValoise.Contracts.Payments.PaymentState;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>Payments on the wire.</summary>
public static class PaymentsWire
{
    public static WirePayment ToWire(this OnlinePaymentRecord payment, string communeName)
    {
        var request = payment.Request;
        var wire = new WirePayment
        {
            IdOp = payment.IdOp,
            State = ToWire(payment.State),
            StateLabel = payment.State.Label(),
            Explanation = payment.Explanation,
            AmountCents = request.AmountCents,
            InvoiceNumber = request.InvoiceNumber ?? "",
            Purpose = request.Purpose,
            FamilyId = request.FamilyId,
            FamilyName = request.FamilyName,
            CommuneInseeCode = request.CommuneCode,
            CommuneName = communeName,
            Reference = request.Refdet,
            CreatedAt = Timestamp.FromDateTimeOffset(request.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(payment.UpdatedAt),
            AuthorisationNumber = payment.AuthorisationNumber,
            ReceiptAvailable = payment.State == Domain.Payments.OnlinePaymentState.Paid,
            PayerEmail = request.Mel,
            CreditedAs = payment.CreditedAs,
        };
        if (payment.PaidAt is { } paidAt) wire.PaidAt = Timestamp.FromDateTimeOffset(paidAt);
        return wire;
    }

    public static WireState ToWire(Domain.Payments.OnlinePaymentState state) => state switch
    {
        Domain.Payments.OnlinePaymentState.Pending => WireState.Pending,
        Domain.Payments.OnlinePaymentState.Paid => WireState.Paid,
        Domain.Payments.OnlinePaymentState.Refused => WireState.Refused,
        Domain.Payments.OnlinePaymentState.Abandoned => WireState.Abandoned,
        Domain.Payments.OnlinePaymentState.Expired => WireState.Expired,
        Domain.Payments.OnlinePaymentState.Rejected => WireState.Rejected,
        _ => WireState.Unspecified,
    };

    public static Domain.Payments.OnlinePaymentState? FromWire(WireState state) => state switch
    {
        WireState.Pending => Domain.Payments.OnlinePaymentState.Pending,
        WireState.Paid => Domain.Payments.OnlinePaymentState.Paid,
        WireState.Refused => Domain.Payments.OnlinePaymentState.Refused,
        WireState.Abandoned => Domain.Payments.OnlinePaymentState.Abandoned,
        WireState.Expired => Domain.Payments.OnlinePaymentState.Expired,
        WireState.Rejected => Domain.Payments.OnlinePaymentState.Rejected,
        _ => null,
    };
}

using CarteValoise.Domain.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>A payment to create at PayFiP: its fields, and where PayFiP notifies the portal and sends the browser back.</summary>
public sealed record PayFiPCreation(PayFiPPaymentFields Fields, Uri UrlNotif, Uri UrlRedirect);

/// <summary>PayFiP's web service, as the platform uses it.</summary>
public interface IPayFiPGateway
{
    /// <summary><c>creerPaiementSecurise</c>: the idOp of the new payment.</summary>
    /// <exception cref="PayFiPRefusedException">PayFiP refused the payment's fields.</exception>
    /// <exception cref="PayFiPUnavailableException">PayFiP could not be asked.</exception>
    Task<string> CreatePaymentAsync(PayFiPCreation creation, CancellationToken cancellationToken);

    /// <summary><c>recupererDetailPaiementSecurise</c>: the payment's detail, or that its result is not known yet (P5), or that the idOp is unknown (P1).</summary>
    /// <exception cref="PayFiPRefusedException">Another functional fault.</exception>
    /// <exception cref="PayFiPUnavailableException">PayFiP could not be asked.</exception>
    Task<GatewayReport> GetPaymentDetailAsync(string idOp, CancellationToken cancellationToken);

    /// <summary>Where the browser pays: <c>paiementws.web?idop=…</c>.</summary>
    Uri PaymentPage(string idOp);
}

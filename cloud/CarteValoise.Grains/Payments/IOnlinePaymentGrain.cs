namespace CarteValoise.Grains.Payments;

/// <summary>
/// One online payment, keyed by the idOp PayFiP gave it. Every answer of the gateway goes through
/// here, one at a time, so a notification, its replay and the reconciliation arriving together
/// credit the family once (and the family's own operation id «payfip:{idOp}» makes sure of it).
/// </summary>
public interface IOnlinePaymentGrain : IGrainWithStringKey
{
    /// <summary>Keeps the payment just created at the gateway, pending; the same request again changes nothing.</summary>
    Task Open(OnlinePaymentRequest request);

    /// <summary>Null for an idOp the platform never created.</summary>
    Task<OnlinePaymentRecord?> Get();

    /// <summary>
    /// Checks the gateway's answer against what was created and moves the payment on (Domain's
    /// PaymentConfirmation); credits the family when it becomes paid. Null for an unknown idOp.
    /// </summary>
    Task<OnlinePaymentRecord?> Apply(GatewayAnswer answer);

    Task MarkReceiptSent();
}

/// <summary>
/// A list of payments kept for reading them without asking each payment: a commune's payments of a
/// month (<see cref="PaymentBookKeys.CommuneMonth"/>) and a family's (<see cref="PaymentBookKeys.Family"/>).
/// Each payment writes itself here after every change.
/// </summary>
public interface IPaymentBookGrain : IGrainWithStringKey
{
    Task Record(OnlinePaymentRecord payment);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<OnlinePaymentRecord>> List();

    /// <summary>The idOps still to ask the gateway about, or paid with their receipt not yet mailed.</summary>
    Task<IReadOnlyList<string>> ToFollow(DateTimeOffset now);
}

public static class PaymentBookKeys
{
    /// <summary>The payments a commune's agents see for a month (the month of creation, Paris): «95127/2026-12».</summary>
    public static string CommuneMonth(string communeCode, Domain.Canteen.BillingMonth month) => $"commune/{communeCode}/{month}";

    public static string Family(string familyId) => $"family/{familyId}";
}

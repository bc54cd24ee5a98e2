using CarteValoise.Contracts.Payments;

namespace CarteValoise.Portal.OnlinePayment;

/// <summary>How the payment pages name a payment's state: the marker the tests read, and the heading the payer reads.</summary>
public static class PaymentWording
{
    /// <summary>«paid», «pending»…: the data-state marker of the pages.</summary>
    public static string Marker(PaymentState state) => state switch
    {
        PaymentState.Pending => "pending",
        PaymentState.Paid => "paid",
        PaymentState.Refused => "refused",
        PaymentState.Abandoned => "abandoned",
        PaymentState.Expired => "expired",
        PaymentState.Rejected => "rejected",
        _ => "unknown",
    };

    public static PaymentState? FromMarker(string? marker) => marker switch
    {
        "pending" => PaymentState.Pending,
        "paid" => PaymentState.Paid,
        "refused" => PaymentState.Refused,
        "abandoned" => PaymentState.Abandoned,
        "expired" => PaymentState.Expired,
        "rejected" => PaymentState.Rejected,
        _ => null,
    };

    /// <summary>The return page's heading.</summary>
    public static string Heading(PaymentState state) => state switch
    {
        PaymentState.Paid => "Paiement accepté",
        PaymentState.Pending => "Paiement en cours",
        PaymentState.Refused => "Paiement refusé",
        PaymentState.Abandoned => "Paiement abandonné",
        PaymentState.Expired => "Paiement expiré",
        PaymentState.Rejected => "Paiement en anomalie",
        _ => "Paiement",
    };

    /// <summary>The states an agent filters on, in the order of the filter.</summary>
    public static readonly IReadOnlyList<(string Marker, string Label)> Filters =
    [
        ("paid", "Payés"),
        ("pending", "En cours"),
        ("refused", "Refusés"),
        ("abandoned", "Abandonnés"),
        ("expired", "Expirés"),
        ("rejected", "En anomalie"),
    ];
}

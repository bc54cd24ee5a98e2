namespace CarteValoise.Domain.Payments;

/// <summary>Where an online payment stands, from the platform's side.</summary>
public enum OnlinePaymentState
{
    /// <summary>Created at the gateway; no result known yet.</summary>
    Pending = 1,
    /// <summary>The gateway's detail matches what was created and says paid: credited once.</summary>
    Paid = 2,
    Refused = 3,
    Abandoned = 4,
    /// <summary>No result within <see cref="PaymentFollowUp.Window"/>, or an idOp the gateway no longer knows.</summary>
    Expired = 5,
    /// <summary>The gateway's detail does not match what was created: nothing credited, for an agent to look at.</summary>
    Rejected = 6,
}

public static class OnlinePaymentStates
{
    /// <summary>«En cours», «Payé»…: the word the payer and the agent read.</summary>
    public static string Label(this OnlinePaymentState state) => state switch
    {
        OnlinePaymentState.Pending => "En cours",
        OnlinePaymentState.Paid => "Payé",
        OnlinePaymentState.Refused => "Refusé",
        OnlinePaymentState.Abandoned => "Abandonné",
        OnlinePaymentState.Expired => "Expiré",
        OnlinePaymentState.Rejected => "Anomalie",
        _ => "Inconnu",
    };
}

/// <summary>
/// How long a payment is followed. A PayFiP idOp is valid about 15 minutes; until 20 minutes after
/// its creation a payment without a result may still be paid (a notification may also never come),
/// and an abandon may be followed by a payment on the same page; after that, no answer means expired.
/// </summary>
public static class PaymentFollowUp
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(20);

    public static bool IsWithinWindow(DateTimeOffset createdAt, DateTimeOffset now) => now - createdAt < Window;

    /// <summary>
    /// Whether the reconciliation timer still asks the gateway: a payment pending, abandoned or refused
    /// within the window. A payment paid, expired or rejected is left alone (an agent may still ask).
    /// </summary>
    public static bool IsFollowed(OnlinePaymentState state, DateTimeOffset createdAt, DateTimeOffset now) => state switch
    {
        OnlinePaymentState.Pending => true,
        OnlinePaymentState.Abandoned or OnlinePaymentState.Refused => IsWithinWindow(createdAt, now),
        _ => false,
    };
}

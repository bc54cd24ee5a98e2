namespace CarteValoise.Domain.Canteen;

/// <summary>
/// The answer to a reservation or a cancellation: allowed, or refused with the sentence the parent
/// reads. <see cref="Deadline"/> is the cut-off that applied (null when the service does not run that day).
/// </summary>
public sealed record BookingDecision(bool Allowed, string? Refusal, DateTimeOffset? Deadline)
{
    public static BookingDecision Allow(DateTimeOffset deadline) => new(true, null, deadline);

    public static BookingDecision Refuse(string refusal, DateTimeOffset? deadline = null) => new(false, refusal, deadline);
}

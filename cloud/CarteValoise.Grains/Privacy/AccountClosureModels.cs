using CarteValoise.Domain.Privacy;

namespace CarteValoise.Grains.Privacy;

/// <summary>
/// A closure request as kept (see Domain's <see cref="AccountClosure"/>); <see cref="AcknowledgedAt"/>
/// is when its acknowledgement mail went out, null until then.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AccountClosureRecord(
    [property: Id(0)] DateTimeOffset RequestedAt,
    [property: Id(1)] DateTimeOffset? CancelledAt,
    [property: Id(2)] DateTimeOffset? AcknowledgedAt = null)
{
    public AccountClosure ToDomain() => new(RequestedAt, CancelledAt);
}

/// <summary>The closure as it stands after a request or a cancellation, or the French reason nothing changed.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountClosureChange(
    [property: Id(0)] AccountClosureRecord? Closure,
    [property: Id(1)] string? Refusal);

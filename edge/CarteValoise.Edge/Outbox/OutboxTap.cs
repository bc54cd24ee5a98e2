using CarteValoise.Edge.Decisions;

namespace CarteValoise.Edge.Outbox;

/// <summary>A tap waiting in the outbox for the cloud's acknowledgement.</summary>
public sealed record OutboxTap(long Sequence, string CardUid, DateTimeOffset ReadAt, Decision Decision, TapService Service);

/// <summary>How far behind the box is: taps not yet acknowledged and the oldest of them.</summary>
public sealed record OutboxState(long Depth, DateTimeOffset? OldestReadAt, long LastSequence);

namespace CarteValoise.Edge.Feedback;

/// <summary>Which LEDs are lit.</summary>
[Flags]
public enum Light
{
    None = 0,
    Green = 1,
    Red = 2,

    /// <summary>Both at once: the staff's alert (allergy plan), unlike anything a child's tap shows.</summary>
    Both = Green | Red,
}

/// <summary>For <paramref name="Duration"/>, these LEDs are lit and the buzzer sounds <paramref name="ToneHz"/> (silent when null).</summary>
public sealed record FeedbackStep(Light Light, double? ToneHz, TimeSpan Duration);

/// <summary>A sequence of steps; after the last one (or when a newer tap cuts it short) everything goes off.</summary>
public sealed record FeedbackPattern(string Name, IReadOnlyList<FeedbackStep> Steps)
{
    public TimeSpan Duration => Steps.Aggregate(TimeSpan.Zero, (total, step) => total + step.Duration);

    public FeedbackPattern Then(FeedbackPattern next) => new($"{Name}+{next.Name}", [.. Steps, .. next.Steps]);
}

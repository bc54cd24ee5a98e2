namespace CarteValoise.Domain.Boxes;

public enum BoxHealthState { Ok = 1, Silent = 2, Backlogged = 3, AwaitingEnrolment = 4 }

/// <summary>When an agent should look at a box: thresholds a département sets in configuration.</summary>
public sealed record BoxHealthThresholds(TimeSpan SilentAfter, TimeSpan BacklogAfter, long BacklogDepth)
{
    public static readonly BoxHealthThresholds Default = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), 500);
}

/// <summary>What the box last told the cloud about itself.</summary>
public sealed record BoxHeartbeatFacts(DateTimeOffset ReceivedAt, long OutboxDepth, DateTimeOffset? OldestUnsentReadAt);

/// <summary>
/// A box is flagged when it has gone silent (no heartbeat: unplugged, network down, crashed) or
/// when taps wait on it too long or pile up (it reaches the cloud but cannot keep up). Silence wins:
/// a silent box's last backlog figure is stale.
/// </summary>
public static class BoxHealthRules
{
    public static (BoxHealthState State, string Reason) Assess(bool enrolled, BoxHeartbeatFacts? last, DateTimeOffset now, BoxHealthThresholds thresholds)
    {
        if (!enrolled) return (BoxHealthState.AwaitingEnrolment, "La boîte n'a pas encore été enrôlée avec son code.");
        if (last is null) return (BoxHealthState.Silent, "La boîte ne s'est jamais manifestée.");
        var silence = now - last.ReceivedAt;
        if (silence > thresholds.SilentAfter)
            return (BoxHealthState.Silent, $"Aucune nouvelle depuis {Describe(silence)}.");
        if (last.OldestUnsentReadAt is { } oldest && now - oldest > thresholds.BacklogAfter)
            return (BoxHealthState.Backlogged, $"{last.OutboxDepth} passage(s) en attente, le plus ancien depuis {Describe(now - oldest)}.");
        if (last.OutboxDepth > thresholds.BacklogDepth)
            return (BoxHealthState.Backlogged, $"{last.OutboxDepth} passages en attente d'envoi.");
        return (BoxHealthState.Ok, "");
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} j {span.Hours} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:D2} min"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min"
        : $"{(int)span.TotalSeconds} s";
}

namespace CarteValoise.Domain.Access;

public enum CallerRole
{
    Parent = 1,
    Agent = 2,
    /// <summary>A family signed in at a kiosk with a card and a PIN: reads its own summary, nothing else.</summary>
    KioskFamily = 3,
    /// <summary>
    /// Runs the platform (the Orleans dashboard of the silos). Reads no family and no commune: an
    /// administrator who is also an agent has an agent account for that.
    /// </summary>
    Administrator = 4,
}

/// <summary>
/// Who is calling, as proven by a valid session token; <see cref="SessionId"/> names the session the
/// token belongs to (the account's list of active sessions), null for callers without one.
/// </summary>
public sealed record Caller(string AccountId, string DisplayName, CallerRole Role, IReadOnlySet<string> CommuneCodes, string? FamilyId, string? SessionId = null);

namespace CarteValoise.Domain.Accounts;

/// <summary>
/// An account's sessions are kept by the cloud so that each can be ended: a token whose session is
/// no longer listed is refused. Sessions past their expiry drop out of the list.
/// </summary>
public static class SessionRules
{
    /// <summary>How the session was opened, as the list of active sessions shows it.</summary>
    public const string ByPassword = "mot de passe";

    public const string ByFranceConnect = "FranceConnect";

    /// <summary>
    /// Beyond this many open sessions the oldest is ended: the list is read at every call and
    /// must stay small, whatever a script signing in in a loop does.
    /// </summary>
    public const int MaxOpenSessions = 50;

    public const string Ended = "Session terminée : reconnectez-vous.";

    /// <summary>The sessions still open at <paramref name="now"/>, the most recent <see cref="MaxOpenSessions"/> of them, oldest first.</summary>
    public static List<T> StillOpen<T>(IEnumerable<T> sessions, Func<T, DateTimeOffset> startedAt, Func<T, DateTimeOffset> expiresAt, DateTimeOffset now) =>
        sessions.Where(session => expiresAt(session) > now)
            .OrderBy(startedAt)
            .TakeLast(MaxOpenSessions)
            .ToList();
}

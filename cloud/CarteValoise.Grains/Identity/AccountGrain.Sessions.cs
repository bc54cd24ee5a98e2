using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Identity;

public sealed partial class AccountGrain
{
    public async Task OpenSession(SessionRecord session)
    {
        if (State.Account is null) throw new InvalidOperationException($"Le compte {this.GetPrimaryKeyString()} n'existe pas.");
        List(session);
        await state.WriteStateAsync();
    }

    public Task<bool> IsSessionOpen(string sessionId)
    {
        var now = Now;
        return Task.FromResult(State.Sessions.Any(session => session.SessionId == sessionId && session.ExpiresAt > now));
    }

    public Task<IReadOnlyList<SessionRecord>> GetOpenSessions() =>
        Task.FromResult<IReadOnlyList<SessionRecord>>(SessionRules.StillOpen(State.Sessions, s => s.StartedAt, s => s.ExpiresAt, Now));

    public async Task EndSession(string sessionId)
    {
        if (!State.Sessions.Any(session => session.SessionId == sessionId)) return;
        State.Sessions = SessionRules.StillOpen(State.Sessions.Where(session => session.SessionId != sessionId), s => s.StartedAt, s => s.ExpiresAt, Now);
        await state.WriteStateAsync();
    }

    public async Task<int> EndAllSessions()
    {
        var open = SessionRules.StillOpen(State.Sessions, s => s.StartedAt, s => s.ExpiresAt, Now).Count;
        if (State.Sessions.Count == 0) return 0;
        State.Sessions = [];
        await state.WriteStateAsync();
        return open;
    }

    /// <summary>A session opens after a complete proof: the throttle starts afresh, and expired sessions drop out.</summary>
    private void List(SessionRecord session)
    {
        var others = State.Sessions.Where(s => s.SessionId != session.SessionId).Append(session);
        State.Sessions = SessionRules.StillOpen(others, s => s.StartedAt, s => s.ExpiresAt, Now);
        Keep(Throttle().Succeeded());
    }
}

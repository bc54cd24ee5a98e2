using CarteValoise.Domain.Accounts;

namespace CarteValoise.Domain.Tests.Accounts;

public sealed class SessionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private sealed record Open(string Id, DateTimeOffset Started, DateTimeOffset Expires);

    [Fact]
    public void Expired_sessions_drop_out_and_the_rest_stay_oldest_first()
    {
        Open[] sessions =
        [
            new("b", Now.AddHours(-1), Now.AddHours(7)),
            new("expired", Now.AddHours(-9), Now.AddHours(-1)),
            new("a", Now.AddHours(-2), Now.AddHours(6)),
            new("ends-now", Now.AddHours(-8), Now),
        ];

        Assert.Equal(["a", "b"], SessionRules.StillOpen(sessions, s => s.Started, s => s.Expires, Now).Select(s => s.Id));
    }

    [Fact]
    public void Beyond_the_limit_the_oldest_sessions_end()
    {
        var sessions = Enumerable.Range(0, SessionRules.MaxOpenSessions + 3)
            .Select(i => new Open($"s{i}", Now.AddMinutes(i), Now.AddHours(8))).ToList();

        var open = SessionRules.StillOpen(sessions, s => s.Started, s => s.Expires, Now);

        Assert.Equal(SessionRules.MaxOpenSessions, open.Count);
        Assert.Equal("s3", open[0].Id);
        Assert.Equal($"s{SessionRules.MaxOpenSessions + 2}", open[^1].Id);
    }
}

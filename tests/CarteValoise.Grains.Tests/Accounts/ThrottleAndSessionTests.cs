using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class ThrottleAndSessionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_failures_are_each_counted_and_lock_once()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => account.RecordFailure())));

        var lockedUntil = fixture.Time.GetUtcNow() + SignInThrottle.FirstLockout;
        Assert.Equal(SignInThrottle.MaxFailures - 1, answers.Count(a => a is null));
        Assert.All(answers.Where(a => a is not null), a => Assert.Equal(lockedUntil, a));
        // One lockout, not two: the failures during it changed nothing.
        Assert.Equal(lockedUntil, (await account.GetOverview())!.LockedUntil);
    }

    [Fact]
    public async Task The_lockout_ends_on_time_and_the_next_one_is_twice_as_long()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        for (var i = 0; i < SignInThrottle.MaxFailures; i++) await account.RecordFailure();

        fixture.Time.Advance(SignInThrottle.FirstLockout);
        Assert.Null((await account.GetOverview())!.LockedUntil);

        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++) Assert.Null(await account.RecordFailure());
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(30), await account.RecordFailure());
    }

    [Fact]
    public async Task A_session_opened_clears_the_failures()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++) await account.RecordFailure();

        await account.OpenSession(TestAccounts.Session(fixture.Time.GetUtcNow()));

        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++) Assert.Null(await account.RecordFailure());
    }

    [Fact]
    public async Task A_session_is_open_until_it_is_ended_or_expires()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        var now = fixture.Time.GetUtcNow();
        var kept = TestAccounts.Session(now) with { ExpiresAt = now.AddHours(8) };
        var ended = TestAccounts.Session(now.AddMinutes(1));
        var short1 = TestAccounts.Session(now.AddMinutes(2)) with { ExpiresAt = now.AddHours(1) };
        foreach (var session in new[] { kept, ended, short1 }) await account.OpenSession(session);
        await account.OpenSession(kept);

        Assert.Equal([kept, ended, short1], await account.GetOpenSessions());
        await account.EndSession(ended.SessionId);
        Assert.False(await account.IsSessionOpen(ended.SessionId));
        Assert.True(await account.IsSessionOpen(kept.SessionId));

        fixture.Time.Advance(TimeSpan.FromHours(1));
        Assert.False(await account.IsSessionOpen(short1.SessionId));
        Assert.Equal([kept], await account.GetOpenSessions());
        Assert.False(await account.IsSessionOpen("never-opened"));
    }

    [Fact]
    public async Task Ending_every_session_says_how_many_were_open()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        var first = TestAccounts.Session(fixture.Time.GetUtcNow());
        var second = TestAccounts.Session(fixture.Time.GetUtcNow());
        await account.OpenSession(first);
        await account.OpenSession(second);

        Assert.Equal(2, await account.EndAllSessions());

        Assert.False(await account.IsSessionOpen(first.SessionId));
        Assert.False(await account.IsSessionOpen(second.SessionId));
        Assert.Equal(0, await account.EndAllSessions());
    }
}

using CarteValoise.Domain.Accounts;

namespace CarteValoise.Domain.Tests.Accounts;

public sealed class SignInThrottleTests
{
    // Thursday 3 December 2026, 10:00 in Paris (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Four_failures_do_not_lock_and_the_fifth_locks_for_fifteen_minutes()
    {
        var throttle = FailTimes(SignInThrottle.Fresh, Start, count: 4, every: TimeSpan.FromMinutes(1));
        Assert.False(throttle.IsLocked(Start.AddMinutes(4)));

        throttle = throttle.Failed(Start.AddMinutes(4));

        Assert.Equal(Start.AddMinutes(19), throttle.LockedUntil);
        Assert.True(throttle.IsLocked(Start.AddMinutes(19).AddTicks(-1)));
        Assert.False(throttle.IsLocked(Start.AddMinutes(19)));
    }

    [Fact]
    public void Failures_older_than_fifteen_minutes_do_not_count()
    {
        // Five failures, but the first is 15 minutes old when the fifth comes.
        var throttle = FailTimes(SignInThrottle.Fresh, Start, count: 5, every: TimeSpan.FromMinutes(3.75));

        Assert.Null(throttle.LockedUntil);
        Assert.Equal(4, throttle.RecentFailures.Count);
    }

    [Fact]
    public void Each_lockout_in_a_row_lasts_twice_the_one_before_up_to_a_day()
    {
        Assert.Equal(
            [15, 30, 60, 120, 240, 480, 960, 1440, 1440],
            Enumerable.Range(1, 9).Select(n => SignInThrottle.LockoutLength(n).TotalMinutes));
    }

    [Fact]
    public void Five_more_failures_after_a_lockout_lock_for_thirty_minutes()
    {
        var throttle = FailTimes(SignInThrottle.Fresh, Start, count: 5, every: TimeSpan.FromSeconds(10));
        var firstEnd = throttle.LockedUntil!.Value;
        Assert.Equal(Start.AddSeconds(40).AddMinutes(15), firstEnd);

        throttle = FailTimes(throttle, firstEnd, count: 5, every: TimeSpan.FromSeconds(10));

        Assert.Equal(2, throttle.Lockouts);
        Assert.Equal(firstEnd.AddSeconds(40).AddMinutes(30), throttle.LockedUntil);
    }

    [Fact]
    public void Failures_during_a_lockout_change_nothing()
    {
        var locked = FailTimes(SignInThrottle.Fresh, Start, count: 5, every: TimeSpan.FromSeconds(1));

        Assert.Same(locked, locked.Failed(Start.AddMinutes(5)));
    }

    [Fact]
    public void A_success_starts_afresh()
    {
        var twice = FailTimes(SignInThrottle.Fresh, Start, count: 5, every: TimeSpan.FromSeconds(1));
        twice = FailTimes(twice, twice.LockedUntil!.Value, count: 4, every: TimeSpan.FromSeconds(1));
        Assert.Equal(4, twice.RecentFailures.Count);

        var afterSuccess = twice.Succeeded();

        Assert.Empty(afterSuccess.RecentFailures);
        Assert.Equal(0, afterSuccess.Lockouts);
        // Five failures after a success make a fifteen-minute lockout again, not thirty.
        var again = FailTimes(afterSuccess, Start.AddHours(1), count: 5, every: TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddHours(1).AddSeconds(4).AddMinutes(15), again.LockedUntil);
    }

    [Fact]
    public void The_refusal_gives_the_time_in_Paris()
    {
        // 09:19 UTC is 10:19 in Paris in winter.
        Assert.Equal("Trop d'essais : réessayez après 10:19.", SignInThrottle.Refusal(Start.AddMinutes(19), Start));
        // 2 July 2026, 08:05 UTC is 10:05 in Paris in summer.
        var summer = new DateTimeOffset(2026, 7, 2, 8, 5, 0, TimeSpan.Zero);
        Assert.Equal("Trop d'essais : réessayez après 10:05.", SignInThrottle.Refusal(summer, summer.AddMinutes(-15)));
    }

    [Fact]
    public void A_lockout_that_ends_another_day_gives_the_day_as_well() =>
        Assert.Equal("Trop d'essais : réessayez après le vendredi 4 décembre 2026 à 10:00.",
            SignInThrottle.Refusal(Start.AddHours(24), Start));

    private static SignInThrottle FailTimes(SignInThrottle throttle, DateTimeOffset from, int count, TimeSpan every)
    {
        for (var i = 0; i < count; i++) throttle = throttle.Failed(from + every * i);
        return throttle;
    }
}

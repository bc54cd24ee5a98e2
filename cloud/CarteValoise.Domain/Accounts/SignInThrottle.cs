using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Accounts;

/// <summary>
/// Slows down whoever guesses an account's password or second-factor code: after
/// <see cref="MaxFailures"/> failures within <see cref="Window"/>, the account refuses sign-in for
/// <see cref="FirstLockout"/>; each further lockout before a success lasts twice the one before, up
/// to <see cref="LongestLockout"/>. A sign-in that opens a session starts afresh.
/// </summary>
public sealed record SignInThrottle(IReadOnlyList<DateTimeOffset> RecentFailures, int Lockouts, DateTimeOffset? LockedUntil)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FirstLockout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LongestLockout = TimeSpan.FromHours(24);

    public static SignInThrottle Fresh { get; } = new([], 0, null);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>
    /// One more failure. Failures during a lockout change nothing (they are refused before any
    /// check); the failures that caused a lockout are spent by it, so five new ones make the next.
    /// </summary>
    public SignInThrottle Failed(DateTimeOffset now)
    {
        if (IsLocked(now)) return this;
        var recent = RecentFailures.Where(failure => now - failure < Window).Append(now).ToList();
        if (recent.Count < MaxFailures) return this with { RecentFailures = recent };
        var lockouts = Lockouts + 1;
        return new SignInThrottle([], lockouts, now + LockoutLength(lockouts));
    }

    /// <summary>A sign-in that opened a session: no failure counts any more, and the next lockout is the first again.</summary>
    public SignInThrottle Succeeded() => Fresh;

    /// <summary>The length of the n-th lockout in a row (1-based): 15 min, 30 min, 1 h, 2 h … 24 h.</summary>
    public static TimeSpan LockoutLength(int nth)
    {
        var length = FirstLockout;
        for (var i = 1; i < nth && length < LongestLockout; i++) length += length;
        return length < LongestLockout ? length : LongestLockout;
    }

    /// <summary>
    /// What the person reads: «Trop d'essais : réessayez après 14:05.», with the day as well when the
    /// lockout ends on another day in Paris than <paramref name="now"/>.
    /// </summary>
    public static string Refusal(DateTimeOffset lockedUntil, DateTimeOffset now)
    {
        var until = ServiceDay.ToParisTime(lockedUntil);
        var time = FrenchText.Time(TimeOnly.FromDateTime(until.DateTime));
        return ServiceDay.Of(lockedUntil) == ServiceDay.Of(now)
            ? $"Trop d'essais : réessayez après {time}."
            : $"Trop d'essais : réessayez après le {FrenchText.Day(ServiceDay.Of(lockedUntil))} à {time}.";
    }
}

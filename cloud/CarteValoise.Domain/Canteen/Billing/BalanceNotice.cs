namespace CarteValoise.Domain.Canteen;

/// <summary>Where a prepaid balance stands, from comfortable to below the floor the commune allows.</summary>
public enum BalanceLevel
{
    Sufficient,
    Low,
    Negative,
    BelowFloor,
}

/// <summary>The balance's level and the warning the family reads (none when the balance is sufficient).</summary>
public sealed record BalanceNotice(BalanceLevel Level, string? Warning);

/// <summary>
/// A meal debited at the tap: the price, the balance after it, the notice for that balance, and
/// whether this debit made things worse (crossed the threshold or the floor) — the moment to send
/// the family a warning, once rather than at every meal.
/// </summary>
public sealed record TapDebit(long PriceCents, long BalanceAfterCents, BalanceNotice Notice, bool WarnNow);

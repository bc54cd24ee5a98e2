namespace CarteValoise.Grains.Identity;

/// <summary>
/// Everything an account keeps. Fields were added after the first version (which held only
/// <see cref="Account"/>): an account stored before them reads as verified, without second factor
/// or sessions, which is what the seeded accounts of that version were.
/// </summary>
[GenerateSerializer]
public sealed class AccountState
{
    [Id(0)] public AccountRecord? Account { get; set; }
    [Id(1)] public bool AwaitingVerification { get; set; }
    [Id(2)] public DateTimeOffset? CreatedAt { get; set; }
    [Id(3)] public DateTimeOffset? PasswordChangedAt { get; set; }
    [Id(4)] public DateTimeOffset? LastVerificationMailAt { get; set; }
    [Id(5)] public List<IssuedToken> Tokens { get; set; } = [];
    [Id(6)] public List<DateTimeOffset> RecentFailures { get; set; } = [];
    [Id(7)] public int Lockouts { get; set; }
    [Id(8)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(9)] public string? TotpSecret { get; set; }
    [Id(10)] public string? PendingTotpSecret { get; set; }
    [Id(11)] public long? LastTotpStep { get; set; }
    /// <summary>Hashes of the recovery codes not yet spent.</summary>
    [Id(12)] public List<string> RecoveryCodeHashes { get; set; } = [];
    [Id(13)] public List<SessionRecord> Sessions { get; set; } = [];
    [Id(14)] public string? FranceConnectSubject { get; set; }
}

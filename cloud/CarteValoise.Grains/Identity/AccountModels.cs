using CarteValoise.Domain.Access;
using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Identity;

/// <summary>Who the account is and what it may do. <see cref="PasswordHash"/> is empty for an account opened by FranceConnect.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountRecord(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] CallerRole Role,
    [property: Id(5)] IReadOnlyList<string> CommuneCodes,
    [property: Id(6)] string? FamilyId);

/// <summary>The account as the account's owner and the sign-in see it: no hash of any secret but the password's.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountOverview(
    [property: Id(0)] AccountRecord Account,
    [property: Id(1)] bool EmailVerified,
    [property: Id(2)] DateTimeOffset? CreatedAt,
    [property: Id(3)] bool TotpEnabled,
    [property: Id(4)] int RecoveryCodesLeft,
    [property: Id(5)] string? FranceConnectSubject,
    [property: Id(6)] DateTimeOffset? LockedUntil);

/// <summary>An open session: its id is the one carried by its signed token.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionRecord(
    [property: Id(0)] string SessionId,
    [property: Id(1)] string Method,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] string UserAgent,
    [property: Id(5)] string Address);

/// <summary>A one-time token the account issued, kept as its hash only.</summary>
[GenerateSerializer, Immutable]
public sealed record IssuedToken(
    [property: Id(0)] string Hash,
    [property: Id(1)] AccountTokenPurpose Purpose,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] bool Used);

/// <summary>The TOTP secrets the cloud needs to check a code: the one in force and the one being enrolled.</summary>
[GenerateSerializer, Immutable]
public sealed record TotpSecrets(
    [property: Id(0)] string? Active,
    [property: Id(1)] string? Pending);

/// <summary>
/// What the person typed at the second step, as the cloud read it: the TOTP step a code matched
/// with <see cref="TotpSecret"/>, or the hash of a recovery code, or neither (a wrong code).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SecondFactorProof(
    [property: Id(0)] string? TotpSecret,
    [property: Id(1)] long? TotpStep,
    [property: Id(2)] string? RecoveryCodeHash);

public enum SecondFactorResult
{
    Completed = 1,
    /// <summary>The challenge is unknown to this account, expired or already taken.</summary>
    ChallengeRefused = 2,
    WrongCode = 3,
    Locked = 4,
}

[GenerateSerializer, Immutable]
public sealed record SecondFactorOutcome(
    [property: Id(0)] SecondFactorResult Result,
    [property: Id(1)] DateTimeOffset? LockedUntil);

using Orleans.Concurrency;
using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Identity;

/// <summary>
/// A person's account, keyed by lower-cased email (which is also its account id): one account for
/// every commune of the département. It holds what proves the person (password hash, TOTP,
/// recovery codes, one-time tokens as hashes), the sign-in throttle, and the open sessions, which
/// every authenticated call checks from memory.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>An account made by the platform itself (demo seed, operators): in force at once, its address taken as verified.</summary>
    Task Save(AccountRecord account);

    [ReadOnly] Task<AccountRecord?> Get();

    [ReadOnly] Task<AccountOverview?> GetOverview();

    /// <summary>A citizen's own registration, waiting for its address to be verified. False, and nothing changed, when the account exists.</summary>
    Task<bool> Register(AccountRecord account);

    /// <summary>An account opened by FranceConnect: verified, no password, linked to its subject. False, and nothing changed, when the account exists.</summary>
    Task<bool> CreateFromFranceConnect(AccountRecord account, string subject);

    Task LinkFranceConnect(string subject);

    /// <summary>Keeps the hash of a new one-time token; returns when it expires.</summary>
    Task<DateTimeOffset> IssueToken(AccountTokenPurpose purpose, string tokenHash);

    /// <summary>Takes a verification token and marks the address verified; refused tokens change nothing.</summary>
    Task<TokenCheck> VerifyEmail(string tokenHash);

    /// <summary>
    /// Takes a reset token and sets the new password hash; the address is then verified (the link
    /// came by mail), every session ends, the throttle starts afresh and older reset links die.
    /// </summary>
    Task<TokenCheck> ResetPassword(string tokenHash, string newPasswordHash);

    /// <summary>True, and noted, when a new verification mail may be sent now (at most one per five minutes).</summary>
    Task<bool> NoteVerificationMail();

    /// <summary>Counts a wrong password or code; returns the end of the lockout when the account is now locked.</summary>
    Task<DateTimeOffset?> RecordFailure();

    /// <summary>Keeps a new TOTP secret, not in force until <see cref="ConfirmTotp"/>. Refused while TOTP is in force.</summary>
    Task<bool> BeginTotp(string secret);

    [ReadOnly] Task<TotpSecrets> GetTotpSecrets();

    /// <summary>Puts the pending secret in force with these recovery code hashes, when it is still the pending one and the step is fresh.</summary>
    Task<bool> ConfirmTotp(string secret, long matchedStep, IReadOnlyList<string> recoveryCodeHashes);

    Task DisableTotp();

    /// <summary>
    /// The second step of a sign-in: takes the challenge and opens <paramref name="session"/> when
    /// the proof holds (a fresh TOTP step, or an unspent recovery code, then spent); a wrong proof
    /// counts as a failure and leaves the challenge usable until it expires.
    /// </summary>
    Task<SecondFactorOutcome> CompleteSecondFactor(string challengeHash, SecondFactorProof proof, SessionRecord session);

    /// <summary>Lists a new session (the same id twice is one session) and starts the throttle afresh.</summary>
    Task OpenSession(SessionRecord session);

    [ReadOnly] Task<bool> IsSessionOpen(string sessionId);

    [ReadOnly] Task<IReadOnlyList<SessionRecord>> GetOpenSessions();

    Task EndSession(string sessionId);

    /// <summary>Ends every session; returns how many were open.</summary>
    Task<int> EndAllSessions();
}

namespace CarteValoise.Domain.Accounts;

/// <summary>What a one-time token of an account is for; each has its own lifetime.</summary>
public enum AccountTokenPurpose
{
    /// <summary>The link of the verification mail (/Inscription/Confirmation?jeton=…).</summary>
    EmailVerification = 1,
    /// <summary>The link of the password-reset mail (/MotDePasse/Nouveau?jeton=…).</summary>
    PasswordReset = 2,
    /// <summary>The challenge SignIn hands back when the account asks for its second factor.</summary>
    SecondFactor = 3,
}

/// <summary>Why a one-time token was refused, or that it was taken.</summary>
public enum TokenCheck
{
    Usable,
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <summary>
/// A one-time token is a random value that the account keeps only as a hash, valid for its
/// purpose's lifetime, taken once. A verification link lasts a day (mail is slow, people read it
/// tomorrow); a reset link an hour (it opens the account); a second-factor challenge five minutes.
/// </summary>
public static class AccountTokens
{
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan SecondFactorLifetime = TimeSpan.FromMinutes(5);

    /// <summary>At least 128 bits of randomness per token.</summary>
    public const int RandomBytes = 32;

    /// <summary>A sign-in on an unconfirmed address sends a new verification mail at most this often.</summary>
    public static readonly TimeSpan VerificationMailPace = TimeSpan.FromMinutes(5);

    public static TimeSpan LifetimeOf(AccountTokenPurpose purpose) => purpose switch
    {
        AccountTokenPurpose.EmailVerification => VerificationLifetime,
        AccountTokenPurpose.PasswordReset => PasswordResetLifetime,
        AccountTokenPurpose.SecondFactor => SecondFactorLifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    /// <summary>A token is usable before <paramref name="expiresAt"/>, and only once.</summary>
    public static TokenCheck Check(DateTimeOffset expiresAt, bool used, DateTimeOffset now) =>
        used ? TokenCheck.AlreadyUsed
        : now >= expiresAt ? TokenCheck.Expired
        : TokenCheck.Usable;

    /// <summary>A reset link issued before the password last changed opens nothing: the account has moved on since.</summary>
    public static bool IsStale(DateTimeOffset issuedAt, DateTimeOffset? passwordChangedAt) =>
        passwordChangedAt is { } changed && issuedAt < changed;

    public static bool VerificationMailIsDue(DateTimeOffset? lastSentAt, DateTimeOffset now) =>
        lastSentAt is not { } last || now - last >= VerificationMailPace;

    /// <summary>What the person reads on a spent, expired or unknown link.</summary>
    public const string VerificationLinkRefused =
        "Ce lien de confirmation a déjà servi ou a expiré : connectez-vous avec votre adresse et votre mot de passe pour en recevoir un nouveau.";

    public const string ResetLinkRefused = "Ce lien a déjà servi ou a expiré : demandez-en un nouveau.";
}

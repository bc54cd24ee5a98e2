namespace CarteValoise.Domain.Accounts;

/// <summary>
/// The second factor: a TOTP authenticator (RFC 6238: 30-second steps, 6 digits, one step of clock
/// drift either way) and, for the day the phone is lost, ten recovery codes each good once.
/// </summary>
public static class SecondFactor
{
    public const int TotpStepSeconds = 30;
    public const int TotpDigits = 6;

    /// <summary>Steps accepted either side of now: a phone whose clock is a little off still works.</summary>
    public const int TotpDriftSteps = 1;

    public const int RecoveryCodeCount = 10;

    /// <summary>A TOTP code proves a moment, not a person: the step it matched must come after the last one taken, or it is a replay.</summary>
    public static bool IsFreshStep(long matchedStep, long? lastUsedStep) => lastUsedStep is not { } last || matchedStep > last;

    /// <summary>Six digits, spaces allowed (authenticators show «123 456»).</summary>
    public static bool LooksLikeTotpCode(string? text, out string digits)
    {
        digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return digits.Length == TotpDigits && digits.All(char.IsAsciiDigit);
    }

    /// <summary>A recovery code as it is stored (hashed): upper case, without the dashes and spaces people type.</summary>
    public static string NormaliseRecoveryCode(string? text) =>
        new((text ?? "").Where(c => c is not ('-' or ' ' or '\t')).Select(char.ToUpperInvariant).ToArray());

    public const string WrongCode = "Code incorrect : vérifiez le code de votre application d'authentification, ou saisissez un code de secours.";

    public const string ChallengeRefused = "Cette étape de connexion a expiré ou a déjà servi : reconnectez-vous avec votre mot de passe.";
}

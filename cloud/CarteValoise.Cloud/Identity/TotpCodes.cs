using System.Security.Cryptography;
using CarteValoise.Domain.Accounts;
using OtpNet;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// RFC 6238 with Otp.NET: 160-bit secrets (RFC 4226's recommendation for SHA-1), 30-second steps,
/// 6 digits, one step of drift either way, the time from the TimeProvider. Which step a code matched
/// is returned, so that the account refuses that step a second time. Secrets reach the account
/// sealed by <see cref="TotpSecretVault"/> and are opened here only to check a code.
/// </summary>
public sealed class TotpCodes(TimeProvider time, TotpSecretVault vault)
{
    public const string Issuer = "CarteValoise";

    /// <summary>otpauth://totp/CarteValoise:&lt;email&gt;?secret=…&amp;issuer=CarteValoise, for the QR code.</summary>
    public static string Uri(string email, string secret) =>
        $"otpauth://totp/{Issuer}:{System.Uri.EscapeDataString(email)}?secret={secret}&issuer={Issuer}";

    /// <summary>A new secret: in clear for the person's authenticator, sealed for the account.</summary>
    public (string Secret, string Sealed) NewSecret()
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        return (secret, vault.Protect(secret));
    }

    /// <summary>The step the code matched with the sealed secret the account keeps, or null.</summary>
    public long? Match(string sealedSecret, string code)
    {
        if (!SecondFactor.LooksLikeTotpCode(code, out var digits) || vault.Reveal(sealedSecret) is not { } secret) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret), SecondFactor.TotpStepSeconds, OtpHashMode.Sha1, SecondFactor.TotpDigits);
        var window = new VerificationWindow(SecondFactor.TotpDriftSteps, SecondFactor.TotpDriftSteps);
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, digits, out var step, window) ? step : null;
    }

    /// <summary>Ten codes like «7KQ2-M9XD-4RTA-W3PB» (about 79 bits each), shown once; the account keeps their hashes.</summary>
    public static IReadOnlyList<string> NewRecoveryCodes()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return Enumerable.Range(0, SecondFactor.RecoveryCodeCount).Select(_ =>
        {
            var characters = Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
            return string.Join('-', characters.Chunk(4).Select(group => new string(group)));
        }).ToList();
    }

    public static string RecoveryCodeHash(string code) => OneTimeTokens.HashOf(SecondFactor.NormaliseRecoveryCode(code));
}

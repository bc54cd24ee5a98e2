using System.Security.Cryptography;
using System.Text;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// A TOTP secret cannot be hashed (the cloud computes codes from it), so the account keeps it
/// encrypted (AES-256-GCM) under a key derived from the token signing key: a copy of the grain
/// storage alone yields no authenticator. Changing Identity:TokenSigningKey therefore voids the
/// TOTP enrolments; their recovery codes (hashed) still open the account, which can then enrol again.
/// </summary>
public sealed class TotpSecretVault(SessionKey sessionKey)
{
    private const string Version = "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] key = HMACSHA256.HashData(sessionKey.Bytes, Encoding.ASCII.GetBytes("CarteValoise TOTP secrets v1"));

    public string Protect(string secret)
    {
        var plain = Encoding.ASCII.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Version + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The secret, or null when it was not sealed under this key (the key changed).</summary>
    public string? Reveal(string stored)
    {
        if (!stored.StartsWith(Version, StringComparison.Ordinal)) return null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[Version.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length <= NonceBytes + TagBytes) return null;
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.ASCII.GetString(plain);
    }
}

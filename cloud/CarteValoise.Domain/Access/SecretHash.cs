using System.Security.Cryptography;
using System.Text;

namespace CarteValoise.Domain.Access;

/// <summary>
/// Box secrets are 128-bit random values, not passwords: a plain SHA-256 is enough to keep them
/// out of storage, and the comparison is constant-time so a box cannot be guessed byte by byte.
/// </summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string expectedHash)
    {
        var actual = Convert.FromHexString(Of(secret));
        byte[] expected;
        try { expected = Convert.FromHexString(expectedHash); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

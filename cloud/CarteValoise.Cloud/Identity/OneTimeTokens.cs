using System.Security.Cryptography;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Accounts;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// The random values of verification links, reset links and second-factor challenges: 256 bits,
/// URL-safe; only their SHA-256 is stored (by the account, and as the key of the index grain), so
/// a copy of the storage opens nothing.
/// </summary>
public static class OneTimeTokens
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(AccountTokens.RandomBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => SecretHash.Of(token.Trim());
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarteValoise.Domain.Access;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// Signed, expiring session tokens: base64url(JSON claims) "." base64url(HMAC-SHA256). The cloud
/// is their only issuer and only verifier, so a symmetric key kept by the cloud is enough; the
/// portal and the kiosk carry them without being able to forge or alter them.
/// </summary>
public sealed class SessionTokens(SessionKey key, TimeProvider time)
{
    private sealed record Claims(string Sub, string Name, CallerRole Role, string[] Communes, string? Family, long Exp, string Sid);

    /// <summary>A token for a new session, whose id is random: the account lists it, and a token whose session is no longer listed is refused.</summary>
    public IssuedSession Issue(Caller caller, TimeSpan lifetime)
    {
        var expiresAt = time.GetUtcNow() + lifetime;
        var claims = new Claims(caller.AccountId, caller.DisplayName, caller.Role, caller.CommuneCodes.Order().ToArray(),
            caller.FamilyId, expiresAt.ToUnixTimeSeconds(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return new IssuedSession($"{payload}.{Base64Url(Sign(payload))}", DateTimeOffset.FromUnixTimeSeconds(claims.Exp), claims.Sid);
    }

    public Caller? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1) return null;
        var payload = token[..dot];
        byte[] signature;
        Claims? claims;
        try
        {
            signature = FromBase64Url(token[(dot + 1)..]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload))) return null;
            claims = JsonSerializer.Deserialize<Claims>(FromBase64Url(payload));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        if (claims is null || DateTimeOffset.FromUnixTimeSeconds(claims.Exp) <= time.GetUtcNow()) return null;
        return new Caller(claims.Sub, claims.Name, claims.Role, claims.Communes.ToHashSet(), claims.Family, claims.Sid);
    }

    /// <summary>The bearer token of a gRPC call ("authorization: Bearer …"), or null.</summary>
    public static string? FromHeaders(Grpc.Core.Metadata headers)
    {
        var header = headers.GetValue("authorization");
        const string scheme = "Bearer ";
        return header is not null && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}

public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt, string SessionId);

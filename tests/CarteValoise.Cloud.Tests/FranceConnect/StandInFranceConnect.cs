using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CarteValoise.Cloud.Tests.FranceConnect;

/// <summary>
/// FranceConnect as the verifier sees it over HTTP: discovery, the JWKS (ES256 keys, which the
/// test can rotate) and userinfo answering a signed JWT for the access token it issued. Counts
/// the JWKS fetches, so that a test sees the keys fetched again on an unknown key.
/// </summary>
public sealed class StandInFranceConnect : HttpMessageHandler
{
    public const string Issuer = "https://fc.exemple.test/api/v2";
    public const string ClientId = "carte-valoise-test";
    public const string AccessToken = "access-token-of-the-test";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly List<ECDsaSecurityKey> published = [];

    public StandInFranceConnect(DateTimeOffset now)
    {
        Now = now;
        SigningKey = NewKey("cle-1");
        published.Add(SigningKey);
    }

    public DateTimeOffset Now { get; set; }

    public ECDsaSecurityKey SigningKey { get; private set; }

    public int JwksFetches { get; private set; }

    /// <summary>What userinfo answers for <see cref="AccessToken"/>; the test may change it.</summary>
    public Func<string> UserInfo { get; set; } = () => "";

    public static ECDsaSecurityKey NewKey(string kid) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = kid };

    /// <summary>FranceConnect starts signing with a new key, published from now on beside the old one.</summary>
    public void RotateTo(string kid)
    {
        SigningKey = NewKey(kid);
        published.Add(SigningKey);
    }

    public static Dictionary<string, object> PersonClaims(string subject) => new()
    {
        ["sub"] = subject,
        ["given_name"] = "Angela Claire Louise",
        ["family_name"] = "DUBOIS",
        ["preferred_username"] = "MARTIN",
        ["birthdate"] = "1962-08-24",
        ["gender"] = "female",
        ["birthplace"] = "75107",
        ["birthcountry"] = "99100",
        ["email"] = "angela.dubois@exemple.fr",
    };

    public string IdToken(string subject, string nonce, Action<Dictionary<string, object>>? change = null, SecurityKey? key = null, string algorithm = SecurityAlgorithms.EcdsaSha256)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["nonce"] = nonce,
            ["acr"] = "eidas1",
            ["auth_time"] = Now.ToUnixTimeSeconds(),
        };
        change?.Invoke(claims);
        return Sign(claims, TimeSpan.FromSeconds(60), key, algorithm);
    }

    public string UserInfoJwt(Dictionary<string, object> claims, SecurityKey? key = null) => Sign(claims, TimeSpan.FromSeconds(60), key);

    /// <summary>A token whose payload was changed after it was signed: its signature no longer holds.</summary>
    public static string Tampered(string token, Func<string, string> change)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(change(payload)));
        return string.Join('.', parts);
    }

    /// <summary>An unsigned token ("alg": "none") with the given claims.</summary>
    public static string Unsigned(Dictionary<string, object> claims) =>
        Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims)) + ".";

    private string Sign(Dictionary<string, object> claims, TimeSpan lifetime, SecurityKey? key = null, string algorithm = SecurityAlgorithms.EcdsaSha256)
    {
        var withIssuer = new Dictionary<string, object>(claims);
        withIssuer.TryAdd("iss", Issuer);
        withIssuer.TryAdd("aud", ClientId);
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = withIssuer,
            IssuedAt = Now.UtcDateTime,
            Expires = Now.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, algorithm),
        });
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        return Task.FromResult(path switch
        {
            "/api/v2/.well-known/openid-configuration" => Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = $"{Issuer}/authorize",
                ["token_endpoint"] = $"{Issuer}/token",
                ["userinfo_endpoint"] = $"{Issuer}/userinfo",
                ["end_session_endpoint"] = $"{Issuer}/session/end",
                ["jwks_uri"] = $"{Issuer}/jwks",
                ["id_token_signing_alg_values_supported"] = new[] { "ES256", "RS256" },
            }),
            "/api/v2/jwks" => Jwks(),
            "/api/v2/userinfo" when request.Headers.Authorization?.Parameter == AccessToken =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(UserInfo(), Encoding.ASCII, "application/jwt") },
            "/api/v2/userinfo" => new HttpResponseMessage(HttpStatusCode.Unauthorized),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });
    }

    private HttpResponseMessage Jwks()
    {
        JwksFetches++;
        var keys = published.Select(key =>
        {
            var point = key.ECDsa.ExportParameters(false).Q;
            return new Dictionary<string, object>
            {
                ["kty"] = "EC", ["crv"] = "P-256", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = key.KeyId,
                ["x"] = Base64UrlEncoder.Encode(point.X!), ["y"] = Base64UrlEncoder.Encode(point.Y!),
            };
        });
        return Json(new Dictionary<string, object> { ["keys"] = keys.ToArray() });
    }

    private static HttpResponseMessage Json(object body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}

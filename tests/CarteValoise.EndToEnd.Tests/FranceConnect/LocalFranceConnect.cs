using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CarteValoise.EndToEnd.Tests.FranceConnect;

/// <summary>What the next token answer does to its id_token, for the tests of forgeries.</summary>
public enum IdTokenForgery
{
    None,

    /// <summary>Signed, then its subject changed: the signature no longer holds.</summary>
    AlteredAfterSigning,

    /// <summary>Signed by a key that is not FranceConnect's, under FranceConnect's key id.</summary>
    SignedByAnotherKey,
}

/// <summary>
/// A local OpenID Connect provider speaking FranceConnect v2's protocol, a small Kestrel app in the
/// test process on loopback: discovery and JWKS (one ES256 key) under /api/v2; authorize (code flow
/// only; checks client_id, redirect_uri, scope, acr_values=eidas1, state and nonce of 32 characters
/// at least, and refuses any parameter it does not know — as FranceConnect does); token (a form POST
/// with the client secret; codes live 30 s and serve once); userinfo answering a signed JWT
/// (application/jwt); session/end (id_token_hint, state, post_logout_redirect_uri). The person
/// «signed in at FranceConnect» is the one the test names with <see cref="WillVouchFor"/>.
/// </summary>
public sealed class LocalFranceConnect : IAsyncDisposable
{
    public const string ClientId = "cartevaloise-e2e";
    public const string ClientSecret = "secret-du-fournisseur-local-0123456789abcdef";

    public static readonly IReadOnlyList<string> KnownScopes =
        ["openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "email", "preferred_username"];

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdTokenLifetime = TimeSpan.FromSeconds(60);
    private static readonly string[] AuthorizeParameters = ["response_type", "client_id", "redirect_uri", "scope", "acr_values", "state", "nonce", "prompt", "claims"];
    private static readonly string[] SessionEndParameters = ["id_token_hint", "state", "post_logout_redirect_uri"];

    private readonly WebApplication app;
    private readonly ECDsaSecurityKey key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "fc-local-es256" };
    private readonly JsonWebTokenHandler tokens = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<string, Grant> codes = new();
    private readonly ConcurrentDictionary<string, Grant> accessTokens = new();
    private readonly List<string> journal = [];
    private readonly List<string> endedSessions = [];
    private readonly Lock gate = new();
    private FranceConnectPerson person = FranceConnectPerson.New();
    private IdTokenForgery nextForgery = IdTokenForgery.None;

    private LocalFranceConnect(Uri portal)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        var portalBase = portal.ToString().TrimEnd('/');
        RedirectUris = [$"{portalBase}/franceconnect/retour"];
        PostLogoutRedirectUris = [$"{portalBase}/franceconnect/deconnexion"];
        app.Use(async (http, next) =>
        {
            Note($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
            await next(http);
        });
        app.MapGet("/api/v2/.well-known/openid-configuration", Discovery);
        app.MapGet("/api/v2/jwks", Jwks);
        app.MapGet("/api/v2/authorize", Authorize);
        app.MapPost("/api/v2/token", TokenAsync);
        app.MapGet("/api/v2/userinfo", UserInfo);
        app.MapGet("/api/v2/session/end", SessionEndAsync);
        app.StartAsync().GetAwaiter().GetResult();
        var listening = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Issuer = new Uri(listening, "/api/v2").ToString();
    }

    /// <summary>Starts the provider on a free loopback port, for the portal at <paramref name="portal"/>.</summary>
    public static LocalFranceConnect Start(Uri portal) => new(portal);

    /// <summary>The issuer, e.g. http://127.0.0.1:41234/api/v2 (FranceConnect:Authority).</summary>
    public string Issuer { get; }

    public IReadOnlyList<string> RedirectUris { get; }

    public IReadOnlyList<string> PostLogoutRedirectUris { get; }

    /// <summary>The portal's FranceConnect settings, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> PortalSettings() => new Dictionary<string, string>
    {
        ["FranceConnect__Authority"] = Issuer,
        ["FranceConnect__ClientId"] = ClientId,
        ["FranceConnect__ClientSecret"] = ClientSecret,
    };

    /// <summary>The cloud's FranceConnect settings, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> CloudSettings() => new Dictionary<string, string>
    {
        ["FranceConnect__Authority"] = Issuer,
        ["FranceConnect__ClientId"] = ClientId,
    };

    /// <summary>
    /// The person FranceConnect authenticates from now on (as if they had signed in at FranceConnect),
    /// with genuine tokens: a forgery asked for by an earlier test and never served is dropped.
    /// </summary>
    public void WillVouchFor(FranceConnectPerson someone)
    {
        lock (gate)
        {
            person = someone;
            nextForgery = IdTokenForgery.None;
        }
    }

    /// <summary>The next token answer's id_token is forged so (once).</summary>
    public void ForgeNextIdToken(IdTokenForgery forgery)
    {
        lock (gate) nextForgery = forgery;
    }

    /// <summary>The subjects whose FranceConnect session was ended through session/end, in order.</summary>
    public IReadOnlyList<string> EndedSessions
    {
        get
        {
            lock (gate) return [.. endedSessions];
        }
    }

    /// <summary>Every request and every refusal, for a failing test's output.</summary>
    public string Journal()
    {
        lock (gate) return string.Join("\n", journal);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.ECDsa.Dispose();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["userinfo_endpoint"] = $"{Issuer}/userinfo",
        ["end_session_endpoint"] = $"{Issuer}/session/end",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["scopes_supported"] = KnownScopes,
        ["claims_supported"] = KnownScopes.Where(s => s != "openid").Prepend("sub").ToArray(),
        ["acr_values_supported"] = new[] { "eidas1" },
        ["id_token_signing_alg_values_supported"] = new[] { "ES256", "RS256" },
        ["userinfo_signing_alg_values_supported"] = new[] { "ES256", "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        ["grant_types_supported"] = new[] { "authorization_code" },
    });

    private IResult Jwks()
    {
        var point = key.ECDsa.ExportParameters(false).Q;
        return Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "EC", ["crv"] = "P-256", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = key.KeyId!,
                    ["x"] = Base64UrlEncoder.Encode(point.X!), ["y"] = Base64UrlEncoder.Encode(point.Y!),
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query.Keys.FirstOrDefault(name => !AuthorizeParameters.Contains(name)) is { } unknown) return Refuse($"authorize: paramètre inconnu « {unknown} ».");
        if (Single(query, "response_type") != "code") return Refuse("authorize: response_type doit être « code ».");
        if (Single(query, "client_id") != ClientId) return Refuse($"authorize: client_id inconnu « {Single(query, "client_id")} ».");
        var redirectUri = Single(query, "redirect_uri");
        if (redirectUri is null || !RedirectUris.Contains(redirectUri)) return Refuse($"authorize: redirect_uri non enregistrée « {redirectUri} ».");
        var scopes = (Single(query, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains("openid")) return Refuse("authorize: le scope doit contenir openid.");
        if (scopes.FirstOrDefault(s => !KnownScopes.Contains(s)) is { } scope) return Refuse($"authorize: scope inconnu « {scope} ».");
        if (Single(query, "acr_values") != "eidas1") return Refuse($"authorize: acr_values doit être « eidas1 » (reçu « {Single(query, "acr_values")} »).");
        var state = Single(query, "state") ?? "";
        var nonce = Single(query, "nonce") ?? "";
        if (state.Length < 32) return Refuse($"authorize: state trop court ({state.Length} caractères, 32 au moins).");
        if (nonce.Length < 32) return Refuse($"authorize: nonce trop court ({nonce.Length} caractères, 32 au moins).");

        FranceConnectPerson who;
        lock (gate) who = person;
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        codes[code] = new Grant(who, nonce, redirectUri, scopes, DateTimeOffset.UtcNow);
        return Results.Redirect($"{redirectUri}?code={code}&state={Uri.EscapeDataString(state)}&iss={Uri.EscapeDataString(Issuer)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return TokenError(400, "invalid_request", "token: le corps doit être un formulaire.");
        var form = await request.ReadFormAsync();
        if (Single(form, "grant_type") != "authorization_code") return TokenError(400, "unsupported_grant_type", "token: grant_type doit être authorization_code.");
        if (Single(form, "client_id") != ClientId || Single(form, "client_secret") != ClientSecret)
            return TokenError(401, "invalid_client", "token: client_id ou client_secret faux (attendus dans le formulaire).");
        var code = Single(form, "code") ?? "";
        // Taken out at once: a code serves once, even when the rest of the request is wrong.
        if (!codes.TryRemove(code, out var grant)) return TokenError(400, "invalid_grant", "token: code inconnu ou déjà utilisé.");
        if (DateTimeOffset.UtcNow - grant.IssuedAt > CodeLifetime) return TokenError(400, "invalid_grant", "token: code expiré (30 s).");
        if (Single(form, "redirect_uri") != grant.RedirectUri) return TokenError(400, "invalid_grant", "token: redirect_uri différente de celle de authorize.");

        IdTokenForgery forgery;
        lock (gate)
        {
            forgery = nextForgery;
            nextForgery = IdTokenForgery.None;
        }
        var accessToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        accessTokens[accessToken] = grant with { IssuedAt = DateTimeOffset.UtcNow };
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["id_token"] = IdTokenFor(grant, accessToken, forgery),
            ["scope"] = string.Join(' ', grant.Scopes),
        });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var accessToken = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (!accessTokens.TryGetValue(accessToken, out var grant) || DateTimeOffset.UtcNow - grant.IssuedAt > AccessTokenLifetime)
        {
            Note("userinfo: jeton d'accès inconnu ou expiré.");
            return Results.Json(new { error = "invalid_token" }, statusCode: 401);
        }
        var now = DateTimeOffset.UtcNow;
        var who = grant.Person;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = who.Subject,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(AccessTokenLifetime).ToUnixTimeSeconds(),
        };
        void Claim(string scope, string value)
        {
            if (grant.Scopes.Contains(scope)) claims[scope] = value;
        }
        Claim("given_name", who.GivenName);
        Claim("family_name", who.FamilyName);
        Claim("preferred_username", who.PreferredUsername);
        Claim("birthdate", who.BirthDate);
        Claim("gender", who.Gender);
        Claim("birthplace", who.BirthPlace);
        Claim("birthcountry", who.BirthCountry);
        Claim("email", who.Email);
        return Results.Text(Sign(claims, key), "application/jwt", Encoding.ASCII);
    }

    private async Task<IResult> SessionEndAsync(HttpRequest request)
    {
        var query = request.Query;
        if (query.Keys.FirstOrDefault(name => !SessionEndParameters.Contains(name)) is { } unknown) return Refuse($"session/end: paramètre inconnu « {unknown} ».");
        var state = Single(query, "state") ?? "";
        var back = Single(query, "post_logout_redirect_uri");
        if (back is null || !PostLogoutRedirectUris.Contains(back)) return Refuse($"session/end: post_logout_redirect_uri non enregistrée « {back} ».");
        if (state.Length < 32) return Refuse($"session/end: state trop court ({state.Length} caractères).");
        // The hint is checked as ours; it may have expired since sign-in (a session outlives its id_token).
        var hint = await tokens.ValidateTokenAsync(Single(query, "id_token_hint") ?? "", new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = ClientId,
            IssuerSigningKey = key,
            ValidateLifetime = false,
        });
        if (!hint.IsValid || hint.SecurityToken is not JsonWebToken idToken) return Refuse($"session/end: id_token_hint refusé ({hint.Exception?.Message}).");
        lock (gate) endedSessions.Add(idToken.Subject);
        return Results.Redirect($"{back}?state={Uri.EscapeDataString(state)}");
    }

    private string IdTokenFor(Grant grant, string accessToken, IdTokenForgery forgery)
    {
        var now = DateTimeOffset.UtcNow;
        // at_hash: the left half of the access token's SHA-256, as OpenID Connect writes it.
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["sub"] = grant.Person.Subject,
            ["nonce"] = grant.Nonce,
            ["acr"] = "eidas1",
            ["amr"] = new[] { "pwd" },
            ["auth_time"] = grant.IssuedAt.ToUnixTimeSeconds(),
            ["at_hash"] = Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(IdTokenLifetime).ToUnixTimeSeconds(),
        };
        switch (forgery)
        {
            case IdTokenForgery.AlteredAfterSigning:
                var parts = Sign(claims, key).Split('.');
                var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
                parts[1] = Base64UrlEncoder.Encode(payload.Replace(grant.Person.Subject, "0000" + grant.Person.Subject[4..], StringComparison.Ordinal));
                return string.Join('.', parts);
            case IdTokenForgery.SignedByAnotherKey:
                using (var other = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                    return Sign(claims, new ECDsaSecurityKey(other) { KeyId = key.KeyId });
            default:
                return Sign(claims, key);
        }
    }

    private string Sign(Dictionary<string, object> claims, SecurityKey signingKey) => tokens.CreateToken(new SecurityTokenDescriptor
    {
        Claims = claims,
        SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.EcdsaSha256),
    });

    private IResult Refuse(string why)
    {
        Note(why);
        return Results.Text($"FranceConnect local : requête refusée. {why}", "text/plain; charset=utf-8", Encoding.UTF8, 400);
    }

    private IResult TokenError(int status, string error, string why)
    {
        Note(why);
        return Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = why }, statusCode: status);
    }

    private void Note(string line)
    {
        lock (gate) journal.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
    }

    private static string? Single(IEnumerable<KeyValuePair<string, StringValues>> values, string name)
    {
        var found = values.FirstOrDefault(pair => pair.Key == name).Value;
        return found.Count == 1 ? found[0] : null;
    }

    private sealed record Grant(FranceConnectPerson Person, string Nonce, string RedirectUri, IReadOnlyCollection<string> Scopes, DateTimeOffset IssuedAt);
}

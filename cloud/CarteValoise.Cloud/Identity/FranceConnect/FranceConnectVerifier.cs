using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CarteValoise.Cloud.Identity.FranceConnect;

/// <summary>
/// Checks FranceConnect's tokens against its published configuration (discovery and JWKS, kept
/// <see cref="KeysKeptFor"/>): the id_token's signature (ES256 or RS256 only), issuer,
/// audience, expiry and nonce; then the userinfo JWT, fetched with the access token, under the same
/// checks and for the same subject. Keys rotate: a token signed with a key we do not know yet makes
/// us fetch the configuration again once before refusing.
/// </summary>
public sealed class FranceConnectVerifier : IFranceConnectVerifier
{
    private const string Unverified = "La connexion avec FranceConnect n'a pas pu être vérifiée";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private readonly FranceConnectSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger<FranceConnectVerifier> logger;
    private readonly HttpClient http;
    private readonly HttpDocumentRetriever documents;
    // The configuration fetched last and when, by our clock. Not IdentityModel's ConfigurationManager:
    // its refresh on request runs in the background, so a key rotation was seen once or twice
    // depending on timing; here a fetch happens when asked, and only then.
    private volatile FetchedConfiguration? fetched;

    /// <summary>How long FranceConnect's configuration and keys are kept before they are fetched again.</summary>
    public static readonly TimeSpan KeysKeptFor = TimeSpan.FromHours(12);

    private sealed record FetchedConfiguration(OpenIdConnectConfiguration Configuration, DateTimeOffset At);
    private readonly JsonWebTokenHandler tokens = new() { MapInboundClaims = false };

    public FranceConnectVerifier(FranceConnectSettings settings, HttpMessageHandler handler, TimeProvider time, ILogger<FranceConnectVerifier> logger)
    {
        this.settings = settings;
        this.time = time;
        this.logger = logger;
        http = new HttpClient(handler) { Timeout = CallTimeout };
        documents = new HttpDocumentRetriever(http) { RequireHttps = settings.RequireHttps };
    }

    public bool IsConfigured => settings.IsConfigured;

    public async Task<FranceConnectIdentity> VerifyAsync(string idToken, string accessToken, string nonce, CancellationToken cancellationToken)
    {
        if (!settings.IsConfigured)
            throw new FranceConnectRefusedException("La connexion avec FranceConnect n'est pas proposée par ce service.");
        if (string.IsNullOrWhiteSpace(idToken) || string.IsNullOrWhiteSpace(accessToken) || string.IsNullOrWhiteSpace(nonce))
            throw Refused("la réponse de FranceConnect est incomplète.");

        var configuration = await ConfigurationAsync(cancellationToken);
        var (identityToken, fresher) = await ValidateAsync(idToken, configuration, requireExpiry: true, "jeton d'identité", cancellationToken);
        configuration = fresher;
        if (!identityToken.TryGetPayloadValue<string>("nonce", out var tokenNonce) || !string.Equals(tokenNonce, nonce, StringComparison.Ordinal))
            throw Refused("la réponse de FranceConnect ne correspond pas à la demande de connexion.");
        var subject = identityToken.Subject;
        if (string.IsNullOrEmpty(subject)) throw Refused("FranceConnect n'a pas désigné la personne.");

        var userInfo = await UserInfoAsync(configuration, accessToken, cancellationToken);
        if (!string.Equals(userInfo.Subject, subject, StringComparison.Ordinal))
            throw Refused("les informations de FranceConnect ne concernent pas la personne connectée.");

        return new FranceConnectIdentity(
            subject,
            Text(userInfo, "given_name"),
            Text(userInfo, "family_name"),
            Text(userInfo, "preferred_username"),
            Text(userInfo, "email"),
            DateOnly.TryParseExact(Text(userInfo, "birthdate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null,
            Text(userInfo, "gender"),
            Text(userInfo, "birthplace"),
            Text(userInfo, "birthcountry"));
    }

    private Task<OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken cancellationToken) =>
        fetched is { } known && time.GetUtcNow() - known.At < KeysKeptFor
            ? Task.FromResult(known.Configuration)
            : FreshConfigurationAsync(cancellationToken);

    /// <summary>
    /// The token, valid under <paramref name="configuration"/>, or under a configuration fetched again
    /// when it names a key we do not have (returned, so that the userinfo JWT is checked with it too).
    /// </summary>
    private async Task<(JsonWebToken Token, OpenIdConnectConfiguration Configuration)> ValidateAsync(
        string token, OpenIdConnectConfiguration configuration, bool requireExpiry, string what, CancellationToken cancellationToken)
    {
        var result = await tokens.ValidateTokenAsync(token, Parameters(configuration, requireExpiry));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            logger.LogInformation("FranceConnect signed a {What} with a key we do not know: fetching its keys again.", what);
            configuration = await FreshConfigurationAsync(cancellationToken);
            result = await tokens.ValidateTokenAsync(token, Parameters(configuration, requireExpiry));
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken valid)
        {
            logger.LogWarning(result.Exception, "FranceConnect {What} refused", what);
            throw Refused(Reason(result.Exception, what));
        }
        return (valid, configuration);
    }

    private async Task<OpenIdConnectConfiguration> FreshConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(settings.MetadataAddress, documents, cancellationToken);
            // Later calls take the new keys too.
            fetched = new FetchedConfiguration(fresh, time.GetUtcNow());
            return fresh;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "FranceConnect configuration unavailable at {Address}", settings.MetadataAddress);
            throw new FranceConnectRefusedException("FranceConnect est momentanément injoignable : réessayez dans un instant.");
        }
    }

    private async Task<JsonWebToken> UserInfoAsync(OpenIdConnectConfiguration configuration, string accessToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration.UserInfoEndpoint)) throw Refused("FranceConnect ne publie pas d'adresse pour les informations de la personne.");
        using var request = new HttpRequestMessage(HttpMethod.Get, configuration.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwt"));
        string body;
        try
        {
            if (settings.RequireHttps && request.RequestUri!.Scheme != Uri.UriSchemeHttps)
                throw Refused("FranceConnect publie une adresse non sécurisée pour les informations de la personne.");
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("FranceConnect userinfo answered {Status}", (int)response.StatusCode);
                throw Refused("FranceConnect n'a pas transmis les informations de la personne.");
            }
            body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "FranceConnect userinfo unreachable");
            throw new FranceConnectRefusedException("FranceConnect est momentanément injoignable : réessayez dans un instant.");
        }
        // Signed, always: an unsigned JSON answer could have been written by anyone on the way.
        if (!tokens.CanReadToken(body) || body.Count(c => c == '.') != 2)
            throw Refused("les informations de la personne ne sont pas signées par FranceConnect.");
        var (userInfo, _) = await ValidateAsync(body, configuration, requireExpiry: false, "jeton des informations de la personne", cancellationToken);
        return userInfo;
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, bool requireExpiry) => new()
    {
        ValidIssuer = configuration.Issuer,
        ValidAudience = settings.ClientId,
        IssuerSigningKeys = configuration.SigningKeys,
        // FranceConnect signs with ES256 (or RS256); anything else, "none" or HMAC above all, is refused.
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireAudience = true,
        RequireExpirationTime = requireExpiry,
        ValidateLifetime = true,
        LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires, requireExpiry),
    };

    /// <summary>The token's lifetime against our clock (a TimeProvider), a minute of skew either way.</summary>
    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, bool requireExpiry)
    {
        var skew = TimeSpan.FromMinutes(1);
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null && requireExpiry) throw new SecurityTokenNoExpirationException("No exp.");
        // The skew moves our clock, never the token's dates (which may be DateTime.MinValue when absent).
        if (expires is { } end && end < now - skew) throw new SecurityTokenExpiredException("Expired.") { Expires = end };
        if (notBefore is { } start && start > now + skew) throw new SecurityTokenNotYetValidException("Not yet valid.") { NotBefore = start };
        return true;
    }

    private static string Reason(Exception? failure, string what) => failure switch
    {
        SecurityTokenExpiredException => $"le {what} a expiré.",
        SecurityTokenNotYetValidException => $"le {what} n'est pas encore valide.",
        SecurityTokenInvalidAudienceException => $"le {what} n'est pas destiné à CarteValoise.",
        SecurityTokenInvalidIssuerException => $"le {what} ne vient pas de FranceConnect.",
        SecurityTokenInvalidAlgorithmException => $"le {what} n'est pas signé comme FranceConnect signe.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => $"la signature du {what} n'est pas celle de FranceConnect.",
        SecurityTokenNoExpirationException => $"le {what} n'a pas de date d'expiration.",
        _ => $"le {what} est invalide.",
    };

    private static string Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) ? value ?? "" : "";

    private static FranceConnectRefusedException Refused(string why) => new($"{Unverified} : {why}");
}

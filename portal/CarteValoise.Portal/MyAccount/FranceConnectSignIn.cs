using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// «S'identifier avec FranceConnect»: ASP.NET Core's OpenID Connect handler runs the code flow the
/// way FranceConnect v2 accepts it (no PKCE, no telemetry parameters, acr_values=eidas1, its
/// scopes, nonce and state of 64 characters and more), redeems the code with the client secret and
/// checks the id_token; then the cloud checks everything again (id_token, userinfo JWT) and opens
/// its session, which the portal keeps in the same cookie as a password sign-in, with the raw
/// id_token for FranceConnect's logout. Any refusal lands on /Connexion (or /Compte when linking)
/// with a French sentence.
/// </summary>
public static class FranceConnectSignIn
{
    /// <summary>Set in the challenge's properties when a signed-in person links FranceConnect to their account.</summary>
    public const string LinkItem = "carte:lier-franceconnect";

    public const string Failed = "La connexion avec FranceConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre adresse électronique et votre mot de passe.";
    public const string Cancelled = "Vous avez annulé la connexion avec FranceConnect.";
    public const string Unavailable = "Le service est momentanément indisponible, réessayez dans un instant.";
    public const string NoPageForRole = "Ce compte ne peut pas se connecter au portail.";
    public const string SessionEnded = "Votre session a pris fin : reconnectez-vous, puis liez FranceConnect depuis « Mon compte ».";
    public const string Unreachable = "FranceConnect est momentanément injoignable : réessayez dans un instant, ou connectez-vous avec votre adresse électronique et votre mot de passe.";
    public const string Linked = "FranceConnect est lié à votre compte : vous pouvez désormais vous connecter avec FranceConnect.";

    /// <summary>What FranceConnect's authorize accepts; it refuses a request with any other parameter.</summary>
    private static readonly string[] AuthorizeParameters = ["response_type", "client_id", "redirect_uri", "scope", "acr_values", "state", "nonce", "prompt"];

    /// <summary>What FranceConnect's session/end takes.</summary>
    private static readonly string[] SessionEndParameters = ["id_token_hint", "state", "post_logout_redirect_uri"];

    /// <summary>
    /// Sends the browser to FranceConnect. False, with nothing written, when FranceConnect's
    /// configuration cannot be fetched (unreachable): the page then says so.
    /// </summary>
    public static async Task<bool> TryChallengeAsync(HttpContext http, AuthenticationProperties properties)
    {
        try
        {
            await http.ChallengeAsync(PortalFranceConnect.Scheme, properties);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FranceConnectSignIn))
                .LogWarning(e, "FranceConnect could not be reached for a sign-in");
            return false;
        }
    }

    public static AuthenticationBuilder AddFranceConnect(this AuthenticationBuilder authentication, PortalFranceConnect franceConnect) =>
        authentication.AddOpenIdConnect(PortalFranceConnect.Scheme, "FranceConnect", options =>
        {
            options.Authority = franceConnect.Authority;
            options.ClientId = franceConnect.ClientId;
            options.ClientSecret = franceConnect.ClientSecret;
            options.RequireHttpsMetadata = franceConnect.RequireHttps;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // With the code flow, query is the default mode: no response_mode parameter is sent.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            // FranceConnect refuses parameters it does not know: no PKCE, no x-client-* telemetry, no PAR.
            options.UsePkce = false;
            options.DisableTelemetry = true;
            options.PushedAuthorizationBehavior = PushedAuthorizationBehavior.Disable;
            // The cloud fetches userinfo itself, and checks its signature.
            options.GetClaimsFromUserInfoEndpoint = false;
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.UseTokenLifetime = false;
            options.SignInScheme = SessionClaims.Scheme;
            options.SignOutScheme = SessionClaims.Scheme;
            options.CallbackPath = PortalFranceConnect.CallbackPath;
            options.SignedOutCallbackPath = PortalFranceConnect.SignedOutCallbackPath;
            options.Scope.Clear();
            foreach (var scope in PortalFranceConnect.Scopes) options.Scope.Add(scope);
            options.ProtocolValidator = new FranceConnectNonces();
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];
            // The browser comes back by a top-level GET (query mode): Lax cookies travel, and plain
            // http on loopback keeps them (the defaults, SameSite=None and Secure, would not).
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.AcrValues = "eidas1";
                    KeepOnly(context.ProtocolMessage, AuthorizeParameters);
                    return Task.CompletedTask;
                },
                OnRedirectToIdentityProviderForSignOut = context =>
                {
                    KeepOnly(context.ProtocolMessage, SessionEndParameters);
                    return Task.CompletedTask;
                },
                OnMessageReceived = CheckIssuerAsync,
                OnTokenValidated = FranceConnectSession.OpenAsync,
                // The person cancelled at FranceConnect (error=access_denied).
                OnAccessDenied = context =>
                {
                    var linking = context.Properties?.Items.ContainsKey(LinkItem) == true;
                    Notices.Leave(context.HttpContext, Notices.Refusal, Cancelled);
                    context.Response.Redirect(linking ? "/Compte" : "/Connexion");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FranceConnectSignIn));
                    logger.LogWarning(context.Failure, "FranceConnect sign-in failed");
                    var linking = context.Properties?.Items.ContainsKey(LinkItem) == true;
                    Notices.Leave(context.HttpContext, Notices.Refusal, Failed);
                    context.Response.Redirect(linking ? "/Compte" : "/Connexion");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });

    /// <summary>The callback's iss parameter, when FranceConnect sends it, must be its issuer (mix-up defence).</summary>
    private static async Task CheckIssuerAsync(MessageReceivedContext context)
    {
        var iss = context.ProtocolMessage.Iss;
        if (string.IsNullOrEmpty(iss) || context.Options.ConfigurationManager is null) return;
        var configuration = await context.Options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        if (!string.Equals(iss, configuration.Issuer, StringComparison.Ordinal))
            context.Fail($"The callback's iss '{iss}' is not FranceConnect's issuer '{configuration.Issuer}'.");
    }

    private static void KeepOnly(OpenIdConnectMessage message, string[] accepted)
    {
        foreach (var name in message.Parameters.Keys.Where(name => !accepted.Contains(name)).ToList()) message.Parameters.Remove(name);
    }
}

using CarteValoise.Contracts.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CarteValoise.Web.Sessions;

/// <summary>The auth cookie that holds the cloud's session: the only thing the portal and the kiosk keep.</summary>
public static class SessionCookie
{
    public static AuthenticationBuilder AddSessionCookie(
        this IServiceCollection services, string cookieName, Action<CookieAuthenticationOptions>? configure = null)
    {
        return services
            .AddAuthentication(SessionClaims.Scheme)
            .AddCookie(SessionClaims.Scheme, options =>
            {
                options.Cookie.Name = cookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure over https, and still usable over plain http on loopback.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Events.OnValidatePrincipal = RejectExpiredToken;
                // The 403 page is rendered in place (status code pages), not reached by a redirect.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                configure?.Invoke(options);
            });
    }

    /// <summary>Signs in with the session the cloud issued; the cookie never outlives the token.</summary>
    public static Task SignInWithSessionAsync(this HttpContext http, Session session, DateTimeOffset? expiresSooner = null, bool persistent = false)
    {
        var tokenExpiry = session.ExpiresAt?.ToDateTimeOffset()
            ?? throw new InvalidOperationException("The cloud issued a session without expires_at.");
        var properties = new AuthenticationProperties
        {
            IsPersistent = persistent,
            ExpiresUtc = expiresSooner is { } sooner && sooner < tokenExpiry ? sooner : tokenExpiry,
            AllowRefresh = true,
        };
        return http.SignInAsync(SessionClaims.Scheme, SessionClaims.ToPrincipal(session), properties);
    }

    private static async Task RejectExpiredToken(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var expiresAt = context.Principal?.SessionExpiresAt();
        if (expiresAt is null || expiresAt <= time.GetUtcNow() || context.Principal?.SessionToken() is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionClaims.Scheme);
        }
    }
}

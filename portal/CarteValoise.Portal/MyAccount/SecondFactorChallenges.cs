using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace CarteValoise.Portal.MyAccount;

/// <summary>What the second step of a sign-in needs: the cloud's challenge and where to go after.</summary>
public sealed record PendingSecondFactor(string Challenge, string? ReturnUrl);

/// <summary>
/// Carries the cloud's second-factor challenge from the password step to the code step in a
/// short-lived cookie, encrypted and signed for this purpose only (IDataProtector), readable by
/// the code step's page alone. The password never leaves the first step.
/// </summary>
public sealed class SecondFactorChallenges(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "CarteValoise.DeuxiemeEtape";
    public const string StepPath = "/Compte/DeuxiemeEtape";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("CarteValoise.Portal.SecondFactorChallenge").ToTimeLimitedDataProtector();

    public void Remember(HttpContext http, PendingSecondFactor pending)
    {
        var expires = time.GetUtcNow() + Lifetime;
        http.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(pending), expires), Options(http, expires));
    }

    public PendingSecondFactor? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<PendingSecondFactor>(protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            // Expired, or not ours: the person starts again from the password.
            return null;
        }
    }

    public void Forget(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        Path = StepPath,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Expires = expires,
    };
}

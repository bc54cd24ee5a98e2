using System.Security.Cryptography;
using System.Text.Json;
using CarteValoise.Contracts.Accounts;
using Microsoft.AspNetCore.DataProtection;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// The enrolment the cloud began (secret and otpauth address) kept between showing the QR code and
/// checking the first code, in a short-lived cookie encrypted for this purpose only and bound to
/// the account: the page can be shown again (reloaded, a code mistyped) with the same QR code,
/// instead of a new secret the phone does not have.
/// </summary>
public sealed class TotpEnrolments(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "CarteValoise.Activation";
    public const string PagePath = "/Compte/DoubleAuthentification";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("CarteValoise.Portal.TotpEnrolment").ToTimeLimitedDataProtector();

    public void Remember(HttpContext http, TotpEnrolment enrolment, string accountId)
    {
        var expires = time.GetUtcNow() + Lifetime;
        var carried = protector.Protect(JsonSerializer.Serialize(new Carried(accountId, enrolment.Secret, enrolment.OtpauthUri)), expires);
        http.Response.Cookies.Append(CookieName, carried, Options(http, expires));
    }

    /// <summary>The enrolment under way for this account, or none (never begun, expired, or another account's).</summary>
    public TotpEnrolment? Read(HttpContext http, string accountId)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var carried) || string.IsNullOrEmpty(carried)) return null;
        try
        {
            var read = JsonSerializer.Deserialize<Carried>(protector.Unprotect(carried));
            return read is not null && read.AccountId == accountId ? new TotpEnrolment { Secret = read.Secret, OtpauthUri = read.OtpauthUri } : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public void Forget(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        Path = PagePath,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Expires = expires,
    };

    private sealed record Carried(string AccountId, string Secret, string OtpauthUri);
}

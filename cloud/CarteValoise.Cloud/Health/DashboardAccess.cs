using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CarteValoise.Cloud.Identity;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Identity;

namespace CarteValoise.Cloud.Health;

/// <summary>
/// HTTP Basic credentials for the Orleans dashboard, checked against the accounts (AccountGrain,
/// Argon2id): only an administrator gets in. The dashboard's page polls several URLs every second,
/// each carrying the same header; a header that passed is remembered for a minute, so that the
/// memory-hard hash runs once a minute rather than at every poll.
/// </summary>
public sealed class DashboardAccess(IGrainFactory grains, PasswordHasher hasher, TimeProvider time, ILogger<DashboardAccess> logger)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 1_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> recentlyAllowed = new(StringComparer.Ordinal);

    public async Task<bool> AllowsAsync(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || !TryDecode(header.Parameter, out var email, out var password))
            return false;

        // Keyed by a digest, not the header: the passwords themselves are not kept in memory.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header.Parameter!)));
        var now = time.GetUtcNow();
        if (recentlyAllowed.TryGetValue(key, out var until) && until > now) return true;

        var account = await grains.GetGrain<IAccountGrain>(email).Get();
        if (account is null)
        {
            hasher.WasteEquivalentTime(password);
            return false;
        }
        if (!hasher.Verify(password, account.PasswordHash))
        {
            logger.LogWarning("Tableau de bord Orleans : mot de passe erroné pour le compte {AccountId} / Orleans dashboard: wrong password for account {AccountId}", account.AccountId, account.AccountId);
            return false;
        }
        var caller = new Caller(account.AccountId, account.DisplayName, account.Role, account.CommuneCodes.ToHashSet(), account.FamilyId);
        if (!AccessRules.CanOperateCluster(caller))
        {
            logger.LogWarning("Tableau de bord Orleans refusé au compte {AccountId} (rôle {Role}) / Orleans dashboard refused to account {AccountId} (role {Role})", account.AccountId, account.Role, account.AccountId, account.Role);
            return false;
        }

        if (recentlyAllowed.Count >= MaxRemembered) recentlyAllowed.Clear();
        recentlyAllowed[key] = now + Remembered;
        return true;
    }

    private static bool TryDecode(string? parameter, out string email, out string password)
    {
        email = password = "";
        if (string.IsNullOrEmpty(parameter)) return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        // Accounts are keyed by the lower-cased email, as at sign-in.
        email = decoded[..colon].Trim().ToLowerInvariant();
        password = decoded[(colon + 1)..];
        return true;
    }
}

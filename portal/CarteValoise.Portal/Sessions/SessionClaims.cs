using System.Globalization;
using System.Security.Claims;
using CarteValoise.Contracts.Accounts;

namespace CarteValoise.Web.Sessions;

/// <summary>
/// What the auth cookie carries: the cloud's session token, and the little the pages show
/// without asking the cloud again (name, role, family, communes). The cloud stays the authority:
/// these claims only steer navigation, every call is checked again by the cloud.
/// </summary>
public static class SessionClaims
{
    public const string Scheme = "CarteValoise";
    public const string Token = "carte:token";
    public const string TokenExpiresAt = "carte:token_expires_at";
    public const string FamilyId = "carte:family_id";
    // One claim per commune, "INSEE|Nom": INSEE codes never hold a '|'.
    public const string Commune = "carte:commune";

    public static ClaimsPrincipal ToPrincipal(Session session)
    {
        var identity = session.Identity ?? new Identity();
        var claims = new List<Claim>
        {
            new(Token, session.Token),
            new(TokenExpiresAt, session.ExpiresAt?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture) ?? ""),
            new(ClaimTypes.NameIdentifier, identity.AccountId),
            new(ClaimTypes.Name, identity.DisplayName),
        };
        if (RoleName(identity.Role) is { } role)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }
        if (identity.FamilyId.Length > 0)
        {
            claims.Add(new Claim(FamilyId, identity.FamilyId));
        }
        claims.AddRange(identity.Communes.Select(c => new Claim(Commune, $"{c.InseeCode}|{c.Name}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string? RoleName(Role role) => role switch
    {
        Role.Parent => SessionRoles.Parent,
        Role.Agent => SessionRoles.Agent,
        Role.KioskFamily => SessionRoles.KioskFamily,
        _ => null,
    };

    public static string? SessionToken(this ClaimsPrincipal user) => user.FindFirst(Token)?.Value;

    public static DateTimeOffset? SessionExpiresAt(this ClaimsPrincipal user) =>
        DateTimeOffset.TryParse(user.FindFirst(TokenExpiresAt)?.Value, CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public static string DisplayName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public static IReadOnlyList<CommuneChoice> Communes(this ClaimsPrincipal user) =>
        user.FindAll(Commune)
            .Select(c => c.Value.Split('|', 2))
            .Select(parts => new CommuneChoice(parts[0], parts.Length > 1 ? parts[1] : parts[0]))
            .ToList();
}

/// <summary>A commune an agent is given.</summary>
public sealed record CommuneChoice(string InseeCode, string Name);

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// FranceConnect as the portal is given it: <c>FranceConnect:Authority</c> (the issuer, e.g.
/// https://oidc.franceconnect.gouv.fr/api/v2), <c>FranceConnect:ClientId</c> and
/// <c>FranceConnect:ClientSecret</c>. Without an authority, no FranceConnect button is shown.
/// Plain http is accepted only for a loopback authority: a local stand-in, never the real service.
/// </summary>
public sealed record PortalFranceConnect(string Authority, string ClientId, string ClientSecret)
{
    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Scheme = "FranceConnect";

    /// <summary>Where FranceConnect sends the browser back (to register with FranceConnect).</summary>
    public const string CallbackPath = "/franceconnect/retour";

    /// <summary>Where FranceConnect sends the browser back after its logout (to register too).</summary>
    public const string SignedOutCallbackPath = "/franceconnect/deconnexion";

    /// <summary>The scopes of the identity pivot and the email, as FranceConnect v2 names them.</summary>
    public static readonly IReadOnlyList<string> Scopes =
        ["openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "email", "preferred_username"];

    public static readonly PortalFranceConnect Off = new("", "", "");

    public bool IsConfigured => Authority.Length > 0;

    public bool RequireHttps => !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback);

    /// <exception cref="InvalidOperationException">Settings that cannot work, said in French and English for whoever deploys the portal.</exception>
    public static PortalFranceConnect From(IConfiguration configuration)
    {
        var authority = configuration["FranceConnect:Authority"]?.Trim() ?? "";
        if (authority.Length == 0) return Off;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new InvalidOperationException(
                $"FranceConnect:Authority doit être l'adresse https de l'émetteur FranceConnect, par exemple https://oidc.franceconnect.gouv.fr/api/v2 (http seulement sur la boucle locale). "
                + $"FranceConnect:Authority must be FranceConnect's https issuer address, e.g. https://oidc.franceconnect.gouv.fr/api/v2 (http on loopback only); got '{authority}'.");
        var clientId = configuration["FranceConnect:ClientId"]?.Trim() ?? "";
        var secret = configuration["FranceConnect:ClientSecret"] ?? "";
        if (clientId.Length == 0 || secret.Length == 0)
            throw new InvalidOperationException(
                "FranceConnect:ClientId et FranceConnect:ClientSecret sont obligatoires quand FranceConnect:Authority est renseigné. "
                + "FranceConnect:ClientId and FranceConnect:ClientSecret are required when FranceConnect:Authority is set.");
        return new PortalFranceConnect(authority.TrimEnd('/'), clientId, secret);
    }
}

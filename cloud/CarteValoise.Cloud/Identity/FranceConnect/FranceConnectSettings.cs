namespace CarteValoise.Cloud.Identity.FranceConnect;

/// <summary>
/// <c>FranceConnect:Authority</c> (the issuer, e.g. https://oidc.franceconnect.gouv.fr/api/v2) and
/// <c>FranceConnect:ClientId</c> (the audience of its tokens). An empty authority turns FranceConnect
/// off. Plain http is accepted only for a loopback authority: a local stand-in, never the real service.
/// </summary>
public sealed record FranceConnectSettings(string Authority, string ClientId)
{
    public static readonly FranceConnectSettings Off = new("", "");

    public bool IsConfigured => Authority.Length > 0;

    /// <summary>OpenID Connect discovery, under the issuer as FranceConnect v2 publishes it.</summary>
    public string MetadataAddress => $"{Authority.TrimEnd('/')}/.well-known/openid-configuration";

    public bool RequireHttps => !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback);

    /// <exception cref="InvalidOperationException">Settings that cannot work, said in French and English for whoever deploys the silo.</exception>
    public static FranceConnectSettings From(IConfiguration configuration)
    {
        var authority = configuration["FranceConnect:Authority"]?.Trim() ?? "";
        var clientId = configuration["FranceConnect:ClientId"]?.Trim() ?? "";
        if (authority.Length == 0) return Off;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new InvalidOperationException(
                $"FranceConnect:Authority doit être l'adresse https de l'émetteur FranceConnect, par exemple https://oidc.franceconnect.gouv.fr/api/v2 (http seulement sur la boucle locale). "
                + $"FranceConnect:Authority must be FranceConnect's https issuer address, e.g. https://oidc.franceconnect.gouv.fr/api/v2 (http on loopback only); got '{authority}'.");
        if (clientId.Length == 0)
            throw new InvalidOperationException(
                "FranceConnect:ClientId est obligatoire quand FranceConnect:Authority est renseigné. "
                + "FranceConnect:ClientId is required when FranceConnect:Authority is set.");
        return new FranceConnectSettings(authority.TrimEnd('/'), clientId);
    }
}

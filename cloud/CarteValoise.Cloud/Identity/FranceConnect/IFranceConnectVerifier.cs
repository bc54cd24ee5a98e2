namespace CarteValoise.Cloud.Identity.FranceConnect;

/// <summary>
/// Checks what the portal brings back from FranceConnect before the cloud trusts it: the id_token
/// (signature from the provider's JWKS — fetched again once on an unknown key —, iss, aud = our
/// client id, exp, nonce) and the userinfo JWT fetched with the access token (signed too, same sub).
/// </summary>
public interface IFranceConnectVerifier
{
    /// <summary>False when FranceConnect is not configured (FranceConnect:Authority empty).</summary>
    bool IsConfigured { get; }

    /// <summary>The person, or a <see cref="FranceConnectRefusedException"/> with a French reason.</summary>
    Task<FranceConnectIdentity> VerifyAsync(string idToken, string accessToken, string nonce, CancellationToken cancellationToken);
}

/// <summary>
/// The person FranceConnect vouches for. <see cref="Subject"/> is stable per person for our client;
/// <see cref="FamilyName"/> is the birth name, <see cref="PreferredUsername"/> the usage name (may be empty).
/// </summary>
public sealed record FranceConnectIdentity(
    string Subject,
    string GivenName,
    string FamilyName,
    string PreferredUsername,
    string Email,
    DateOnly? BirthDate,
    string Gender,
    string BirthPlace,
    string BirthCountry);

public sealed class FranceConnectRefusedException(string message) : Exception(message);

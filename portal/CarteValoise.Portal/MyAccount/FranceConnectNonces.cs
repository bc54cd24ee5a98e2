using System.Security.Cryptography;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// Nonces FranceConnect accepts: 64 hexadecimal characters. The default one carries a timestamp
/// and a dot, and a dot in the nonce made FranceConnect's logout fail in another client.
/// </summary>
public sealed class FranceConnectNonces : OpenIdConnectProtocolValidator
{
    public FranceConnectNonces()
    {
        RequireTimeStampInNonce = false;
        // As the handler's own validator: the handler checks the state itself, against its correlation cookie.
        RequireStateValidation = false;
        NonceLifetime = TimeSpan.FromMinutes(15);
    }

    public override string GenerateNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

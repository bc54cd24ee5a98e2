using CarteValoise.Cloud.Identity;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CarteValoise.Cloud.Tests.SignIn;

public sealed class TotpSecretVaultTests
{
    private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    [Fact]
    public void A_sealed_secret_opens_with_the_same_key_only()
    {
        var vault = Vault('7');

        var sealedSecret = vault.Protect(Secret);

        Assert.StartsWith("v1:", sealedSecret);
        Assert.DoesNotContain(Secret, sealedSecret);
        Assert.NotEqual(sealedSecret, vault.Protect(Secret));
        Assert.Equal(Secret, vault.Reveal(sealedSecret));
        Assert.Null(Vault('8').Reveal(sealedSecret));
    }

    [Fact]
    public void An_altered_or_unsealed_value_opens_nothing()
    {
        var vault = Vault('7');
        var bytes = Convert.FromBase64String(vault.Protect(Secret)["v1:".Length..]);
        bytes[^1] ^= 1;

        Assert.Null(vault.Reveal("v1:" + Convert.ToBase64String(bytes)));
        Assert.Null(vault.Reveal(Secret));
        Assert.Null(vault.Reveal("v1:pas-du-base64"));
    }

    private static TotpSecretVault Vault(char digit) => new(SessionKey.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection([new("Identity:TokenSigningKey", new string(digit, 64))]).Build(), Path.GetTempPath()));
}

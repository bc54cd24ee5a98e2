using CarteValoise.Cloud.Identity.FranceConnect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace CarteValoise.Cloud.Tests.FranceConnect;

/// <summary>
/// The cloud trusts nothing the portal brings back from FranceConnect until it has checked it
/// itself: the id_token's signature against FranceConnect's keys, its issuer, audience, expiry and
/// nonce, and the userinfo JWT's signature and subject. Each forgery below is refused in French.
/// </summary>
public sealed class FranceConnectVerifierTests
{
    private const string Subject = "b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1";
    private const string Nonce = "4f1c2a7e9b8d4c3f8a6e5d2b1c0f9e8d7a6b5c4d";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero));
    private readonly StandInFranceConnect franceConnect;
    private readonly FranceConnectVerifier verifier;

    public FranceConnectVerifierTests()
    {
        franceConnect = new StandInFranceConnect(time.GetUtcNow());
        franceConnect.UserInfo = () => franceConnect.UserInfoJwt(StandInFranceConnect.PersonClaims(Subject));
        verifier = new FranceConnectVerifier(
            new FranceConnectSettings(StandInFranceConnect.Issuer, StandInFranceConnect.ClientId),
            franceConnect, time, NullLogger<FranceConnectVerifier>.Instance);
    }

    [Fact]
    public async Task A_genuine_sign_in_gives_the_person_as_FranceConnect_describes_them()
    {
        var person = await VerifyAsync(franceConnect.IdToken(Subject, Nonce));

        Assert.Equal(new FranceConnectIdentity(Subject, "Angela Claire Louise", "DUBOIS", "MARTIN", "angela.dubois@exemple.fr",
            new DateOnly(1962, 8, 24), "female", "75107", "99100"), person);
    }

    [Fact]
    public async Task An_id_token_whose_content_was_changed_after_signing_is_refused()
    {
        var tampered = StandInFranceConnect.Tampered(franceConnect.IdToken(Subject, Nonce), payload => payload.Replace(Subject, "someone-else"));

        await AssertRefusedAsync(tampered, "La connexion avec FranceConnect n'a pas pu être vérifiée : la signature du jeton d'identité n'est pas celle de FranceConnect.");
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_under_FranceConnect_s_key_id_is_refused()
    {
        var forger = StandInFranceConnect.NewKey(franceConnect.SigningKey.KeyId!);

        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce, key: forger),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : la signature du jeton d'identité n'est pas celle de FranceConnect.");
    }

    [Fact]
    public async Task An_id_token_signed_with_an_unknown_key_makes_the_keys_fetched_again_once_then_is_refused()
    {
        await VerifyAsync(franceConnect.IdToken(Subject, Nonce));
        Assert.Equal(1, franceConnect.JwksFetches);

        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce, key: StandInFranceConnect.NewKey("cle-inconnue")),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : la signature du jeton d'identité n'est pas celle de FranceConnect.");
        Assert.Equal(2, franceConnect.JwksFetches);
    }

    [Fact]
    public async Task After_FranceConnect_rotates_its_key_the_new_key_is_fetched_and_accepted()
    {
        await VerifyAsync(franceConnect.IdToken(Subject, Nonce));
        franceConnect.RotateTo("cle-2");

        var person = await VerifyAsync(franceConnect.IdToken(Subject, Nonce));

        Assert.Equal(Subject, person.Subject);
        Assert.Equal(2, franceConnect.JwksFetches);
    }

    [Fact]
    public async Task The_keys_are_kept_twelve_hours_then_fetched_again()
    {
        await VerifyAsync(franceConnect.IdToken(Subject, Nonce));
        time.Advance(FranceConnectVerifier.KeysKeptFor - TimeSpan.FromSeconds(1));
        franceConnect.Now = time.GetUtcNow();
        await VerifyAsync(franceConnect.IdToken(Subject, Nonce));
        Assert.Equal(1, franceConnect.JwksFetches);

        time.Advance(TimeSpan.FromSeconds(1));
        franceConnect.Now = time.GetUtcNow();
        await VerifyAsync(franceConnect.IdToken(Subject, Nonce));
        Assert.Equal(2, franceConnect.JwksFetches);
    }

    [Fact]
    public async Task An_unsigned_id_token_is_refused()
    {
        var unsigned = StandInFranceConnect.Unsigned(new()
        {
            ["iss"] = StandInFranceConnect.Issuer, ["aud"] = StandInFranceConnect.ClientId, ["sub"] = Subject, ["nonce"] = Nonce,
            ["exp"] = time.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds(),
        });

        await AssertRefusedAsync(unsigned, "La connexion avec FranceConnect n'a pas pu être vérifiée : ");
    }

    [Fact]
    public async Task An_id_token_signed_with_a_shared_secret_is_refused()
    {
        var secret = new SymmetricSecurityKey(new byte[32]) { KeyId = franceConnect.SigningKey.KeyId };

        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce, key: secret, algorithm: SecurityAlgorithms.HmacSha256),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : ");
    }

    [Fact]
    public async Task An_id_token_meant_for_another_service_is_refused()
    {
        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce, claims => claims["aud"] = "un-autre-service"),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : le jeton d'identité n'est pas destiné à CarteValoise.");
    }

    [Fact]
    public async Task An_id_token_from_another_issuer_is_refused()
    {
        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce, claims => claims["iss"] = "https://faux.exemple.test/api/v2"),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : le jeton d'identité ne vient pas de FranceConnect.");
    }

    [Fact]
    public async Task An_expired_id_token_is_refused()
    {
        var idToken = franceConnect.IdToken(Subject, Nonce);
        time.Advance(TimeSpan.FromMinutes(3));

        await AssertRefusedAsync(idToken, "La connexion avec FranceConnect n'a pas pu être vérifiée : le jeton d'identité a expiré.");
    }

    [Fact]
    public async Task An_id_token_of_another_sign_in_is_refused_by_its_nonce()
    {
        await AssertRefusedAsync(franceConnect.IdToken(Subject, "an-other-sign-in-s-nonce-of-32-characters"),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : la réponse de FranceConnect ne correspond pas à la demande de connexion.");
    }

    [Fact]
    public async Task Userinfo_about_another_person_is_refused()
    {
        franceConnect.UserInfo = () => franceConnect.UserInfoJwt(StandInFranceConnect.PersonClaims("another-subject"));

        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : les informations de FranceConnect ne concernent pas la personne connectée.");
    }

    [Fact]
    public async Task Userinfo_answered_as_plain_unsigned_json_is_refused()
    {
        franceConnect.UserInfo = () => System.Text.Json.JsonSerializer.Serialize(StandInFranceConnect.PersonClaims(Subject));

        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : les informations de la personne ne sont pas signées par FranceConnect.");
    }

    [Fact]
    public async Task Userinfo_signed_by_someone_else_is_refused()
    {
        franceConnect.UserInfo = () => franceConnect.UserInfoJwt(StandInFranceConnect.PersonClaims(Subject), StandInFranceConnect.NewKey(franceConnect.SigningKey.KeyId!));

        await AssertRefusedAsync(franceConnect.IdToken(Subject, Nonce),
            "La connexion avec FranceConnect n'a pas pu être vérifiée : la signature du jeton des informations de la personne n'est pas celle de FranceConnect.");
    }

    [Fact]
    public async Task Without_an_authority_FranceConnect_is_off_and_every_sign_in_is_refused()
    {
        var off = new FranceConnectVerifier(FranceConnectSettings.Off, franceConnect, time, NullLogger<FranceConnectVerifier>.Instance);

        Assert.False(off.IsConfigured);
        var refusal = await Assert.ThrowsAsync<FranceConnectRefusedException>(() =>
            off.VerifyAsync(franceConnect.IdToken(Subject, Nonce), StandInFranceConnect.AccessToken, Nonce, CancellationToken.None));
        Assert.Equal("La connexion avec FranceConnect n'est pas proposée par ce service.", refusal.Message);
    }

    [Theory]
    [InlineData("http://oidc.franceconnect.gouv.fr/api/v2")]
    [InlineData("oidc.franceconnect.gouv.fr/api/v2")]
    public void An_authority_over_plain_http_off_loopback_is_refused_at_start(string authority)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FranceConnect:Authority"] = authority,
            ["FranceConnect:ClientId"] = "x",
        }).Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => FranceConnectSettings.From(settings));
        Assert.StartsWith("FranceConnect:Authority doit être l'adresse https", refusal.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5400/api/v2", false)]
    [InlineData("http://localhost:5400/api/v2", false)]
    [InlineData("https://oidc.franceconnect.gouv.fr/api/v2", true)]
    public void Plain_http_is_allowed_on_loopback_only(string authority, bool requireHttps)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FranceConnect:Authority"] = authority,
            ["FranceConnect:ClientId"] = "x",
        }).Build();

        Assert.Equal(requireHttps, FranceConnectSettings.From(settings).RequireHttps);
    }

    private Task<FranceConnectIdentity> VerifyAsync(string idToken) =>
        verifier.VerifyAsync(idToken, StandInFranceConnect.AccessToken, Nonce, CancellationToken.None);

    private async Task AssertRefusedAsync(string idToken, string reasonStart)
    {
        var refusal = await Assert.ThrowsAsync<FranceConnectRefusedException>(() => VerifyAsync(idToken));
        Assert.StartsWith(reasonStart, refusal.Message);
    }
}

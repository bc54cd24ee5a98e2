using CarteValoise.Cloud.Identity.FranceConnect;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using Xunit;

namespace CarteValoise.Cloud.Tests.SignIn;

/// <summary>What the Accounts service does with a person FranceConnect vouches for (the verifier stands in for the real one).</summary>
public sealed class FranceConnectAccountTests(AccountsSilo silo) : IClassFixture<AccountsSilo>
{
    [Fact]
    public async Task Without_a_configured_verifier_FranceConnect_is_refused_in_French()
    {
        foreach (var service in new[] { silo.Service(), silo.Service(new Verifier(Person(), configured: false)) })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => service.SignInWithFranceConnect(Request(), AccountsSilo.Anonymous));
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.Equal("FranceConnect n'est pas configuré.", refused.Status.Detail);
        }
    }

    [Fact]
    public async Task A_new_person_gets_a_verified_parent_account_without_password_and_finds_it_again()
    {
        var person = Person();
        var service = silo.Service(new Verifier(person));

        var first = await service.SignInWithFranceConnect(Request(), AccountsSilo.Anonymous);

        Assert.Equal(person.Email, first.Identity.AccountId);
        Assert.Equal("Camille Durand-Martin", first.Identity.DisplayName);
        Assert.Equal(Role.Parent, first.Identity.Role);
        Assert.Equal("id-token-brut", first.FranceconnectIdToken);
        var account = await service.GetAccount(new GetAccountRequest(), AccountsSilo.With(first));
        Assert.True(account.EmailVerified);
        Assert.True(account.FranceconnectLinked);
        var sessions = await service.ListSessions(new ListSessionsRequest(), AccountsSilo.With(first));
        Assert.Equal(("FranceConnect", true), (Assert.Single(sessions.Sessions).Method, sessions.Sessions[0].Current));
        // No password was set: a password sign-in is refused like a wrong one.
        var byPassword = await Assert.ThrowsAsync<RpcException>(() => service.SignIn(new SignInRequest { Email = person.Email, Password = "" }, AccountsSilo.Anonymous));
        Assert.Equal(StatusCode.Unauthenticated, byPassword.StatusCode);

        var again = await silo.Service(new Verifier(person with { Email = "autre.adresse@exemple.fr" })).SignInWithFranceConnect(Request(), AccountsSilo.Anonymous);
        Assert.Equal(person.Email, again.Identity.AccountId);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_is_told_to_sign_in_and_link_from_my_account()
    {
        var email = await silo.ParentAsync();
        var service = silo.Service(new Verifier(Person() with { Email = email.ToUpperInvariant() }));

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.SignInWithFranceConnect(Request(), AccountsSilo.Anonymous));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal($"Un compte existe déjà pour {email} : connectez-vous avec votre mot de passe, puis liez FranceConnect depuis « Mon compte ».", refused.Status.Detail);
        Assert.Null((await silo.Grains.GetGrain<IAccountGrain>(email).GetOverview())!.FranceConnectSubject);
    }

    [Fact]
    public async Task A_signed_in_citizen_links_FranceConnect_to_their_account_and_signs_in_with_it_next_time()
    {
        var email = await silo.ParentAsync();
        var person = Person() with { Email = "adresse.chez.franceconnect@exemple.fr" };
        var service = silo.Service(new Verifier(person));
        var signedIn = await service.SignIn(new SignInRequest { Email = email, Password = AccountsSilo.Password }, AccountsSilo.Anonymous);

        var linked = await service.SignInWithFranceConnect(Request(link: true), AccountsSilo.With(signedIn));

        Assert.Equal(email, linked.Identity.AccountId);
        Assert.Equal("Claire Martin", linked.Identity.DisplayName);
        Assert.True((await service.GetAccount(new GetAccountRequest(), AccountsSilo.With(linked))).FranceconnectLinked);
        var later = await service.SignInWithFranceConnect(Request(), AccountsSilo.Anonymous);
        Assert.Equal(email, later.Identity.AccountId);
        Assert.Null(await silo.Grains.GetGrain<IAccountGrain>(person.Email).Get());
    }

    [Fact]
    public async Task Linking_with_an_ended_session_links_nothing()
    {
        var email = await silo.ParentAsync();
        var person = Person() with { Email = email };
        var service = silo.Service(new Verifier(person));
        var signedIn = await service.SignIn(new SignInRequest { Email = email, Password = AccountsSilo.Password }, AccountsSilo.Anonymous);
        await service.SignOut(new SignOutRequest(), AccountsSilo.With(signedIn));

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.SignInWithFranceConnect(Request(link: true), AccountsSilo.With(signedIn)));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Null((await silo.Grains.GetGrain<IAccountGrain>(email).GetOverview())!.FranceConnectSubject);
    }

    [Fact]
    public async Task A_refusal_of_the_verifier_is_said_as_it_is_and_opens_nothing()
    {
        var person = Person();
        var service = silo.Service(new Verifier(person, refusal: "La connexion avec FranceConnect n'a pas pu être vérifiée : le jeton d'identité a expiré."));

        var refused = await Assert.ThrowsAsync<RpcException>(() => service.SignInWithFranceConnect(Request(), AccountsSilo.Anonymous));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("La connexion avec FranceConnect n'a pas pu être vérifiée : le jeton d'identité a expiré.", refused.Status.Detail);
        Assert.Null(await silo.Grains.GetGrain<IAccountGrain>(person.Email).Get());
    }

    private static FranceConnectIdentity Person() => new(
        Subject: $"fc-{Guid.NewGuid():N}", GivenName: "Camille", FamilyName: "Durand", PreferredUsername: "Durand-Martin",
        Email: $"{Guid.NewGuid():N}@exemple.fr", BirthDate: new DateOnly(1985, 4, 12), Gender: "female", BirthPlace: "95127", BirthCountry: "99100");

    private static FranceConnectSignInRequest Request(bool link = false) => new()
    {
        IdToken = "id-token-brut",
        AccessToken = "access-token",
        Nonce = "nonce",
        LinkToCurrentAccount = link,
        Client = new SessionClient { UserAgent = "Firefox", Address = "192.0.2.1" },
    };

    private sealed class Verifier(FranceConnectIdentity person, bool configured = true, string? refusal = null) : IFranceConnectVerifier
    {
        public bool IsConfigured => configured;

        public Task<FranceConnectIdentity> VerifyAsync(string idToken, string accessToken, string nonce, CancellationToken cancellationToken) =>
            refusal is null ? Task.FromResult(person) : throw new FranceConnectRefusedException(refusal);
    }
}

using System.Text;
using CarteValoise.Contracts.Accounts;
using CarteValoise.EndToEnd.Tests.FranceConnect;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Accounts;

/// <summary>
/// «S'identifier avec FranceConnect» through the local provider that speaks FranceConnect v2's
/// protocol (it refuses what FranceConnect refuses: unknown parameters, PKCE, short state or
/// nonce, another acr): a new person gets a verified account, signs out of FranceConnect too, and
/// finds the same account next time; a person already registered links FranceConnect from «Mon
/// compte», but not one that belongs to another account; a forged id_token opens nothing, whether
/// the portal or only the cloud sees it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FranceConnectSignInTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Failed = "La connexion avec FranceConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre adresse électronique et votre mot de passe.";

    [Fact]
    public Task A_new_person_signs_in_with_FranceConnect_gets_an_account_and_signs_out_of_FranceConnect_too() => RunAsync(async () =>
    {
        var person = FranceConnectPerson.New();
        platform.FranceConnect.WillVouchFor(person);
        using var browser = new WebSession(await platform.PortalAsync());

        var connexion = await browser.GetAsync("/Connexion");
        Assert.Contains("S'identifier avec FranceConnect", connexion.Text);
        var landed = await SignInWithFranceConnectAsync(browser);
        Assert.Equal("/", landed.Address.AbsolutePath);

        var account = await browser.GetAsync("/Compte");
        Assert.Equal("/Compte", account.Address.AbsolutePath);
        Assert.Contains(person.DisplayName, account.Text);
        Assert.Equal($"{person.Email} (confirmée)", AccountPage.AddressShown(account));
        Assert.Equal("true", AccountPage.ById(account, "p", "franceconnect-etat")?["data-linked"]);
        var accountId = Markup.Tags(account.Html, "dl").Single(dl => dl["data-account-id"] is not null)["data-account-id"];
        var current = Markup.Tags(account.Html, "tr").Single(row => row["data-current"] == "true");
        Assert.Contains("FranceConnect", Markup.Text(account.Html[current.End..Markup.EndOf(account.Html, current)]));

        var signedOut = await browser.SubmitFormAsync("/Deconnexion", new Dictionary<string, string>());
        Assert.Equal("/Connexion", signedOut.Address.AbsolutePath);
        Assert.Equal([person.Subject], platform.FranceConnect.EndedSessions.Where(subject => subject == person.Subject));
        Assert.Equal("/Connexion", (await browser.GetAsync("/Compte")).Address.AbsolutePath);

        await SignInWithFranceConnectAsync(browser);
        var again = await browser.GetAsync("/Compte");
        Assert.Equal(accountId, Markup.Tags(again.Html, "dl").Single(dl => dl["data-account-id"] is not null)["data-account-id"]);
    });

    [Fact]
    public Task A_registered_citizen_links_FranceConnect_from_their_account_then_signs_in_with_it() => RunAsync(async () =>
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        var person = FranceConnectPerson.New() with { Email = citizen.Email };
        platform.FranceConnect.WillVouchFor(person);
        using var browser = new WebSession(await platform.PortalAsync());
        await browser.SignInAsync(citizen.Email, citizen.Password);
        Assert.Equal("false", AccountPage.ById(await browser.GetAsync("/Compte"), "p", "franceconnect-etat")?["data-linked"]);

        var linked = await browser.SubmitFormAsync("/Compte/LierFranceConnect", new Dictionary<string, string>());

        Assert.Equal("/Compte", linked.Address.AbsolutePath);
        Assert.Equal("FranceConnect est lié à votre compte : vous pouvez désormais vous connecter avec FranceConnect.", AccountPage.TextOf(linked, "div", "avis"));
        Assert.Equal("true", AccountPage.ById(linked, "p", "franceconnect-etat")?["data-linked"]);
        // The session of the password sign-in gave way to the FranceConnect one: one session listed.
        Assert.Single(Markup.Tags(linked.Html, "tr"), row => row["data-session-id"] is not null);

        using var later = new WebSession(await platform.PortalAsync());
        await SignInWithFranceConnectAsync(later);
        Assert.Equal($"{citizen.Email} (confirmée)", AccountPage.AddressShown(await later.GetAsync("/Compte")));
    });

    [Fact]
    public Task A_FranceConnect_identity_of_another_account_is_not_linked_and_the_citizen_stays_themselves() => RunAsync(async () =>
    {
        var person = FranceConnectPerson.New();
        platform.FranceConnect.WillVouchFor(person);
        using (var theirs = new WebSession(await platform.PortalAsync()))
            Assert.Equal("/", (await SignInWithFranceConnectAsync(theirs)).Address.AbsolutePath);
        var citizen = await Citizen.ConfirmedAsync(platform);
        using var browser = new WebSession(await platform.PortalAsync());
        await browser.SignInAsync(citizen.Email, citizen.Password);

        var refused = await browser.SubmitFormAsync("/Compte/LierFranceConnect", new Dictionary<string, string>());

        Assert.Equal("/Compte", refused.Address.AbsolutePath);
        Assert.Equal(["Cette identité FranceConnect est déjà liée à un autre compte CarteValoise : elle n'a pas été liée au vôtre."], AccountPage.SummaryErrors(refused));
        Assert.Equal($"{citizen.Email} (confirmée)", AccountPage.AddressShown(refused));
        Assert.Equal("false", AccountPage.ById(refused, "p", "franceconnect-etat")?["data-linked"]);
        // Only the citizen's own session: the one the cloud opened for the other account was ended.
        Assert.Single(Markup.Tags(refused.Html, "tr"), row => row["data-session-id"] is not null);
    });

    [Theory]
    [InlineData(IdTokenForgery.AlteredAfterSigning)]
    [InlineData(IdTokenForgery.SignedByAnotherKey)]
    public Task A_forged_id_token_is_refused_in_French_and_signs_nobody_in(IdTokenForgery forgery) => RunAsync(async () =>
    {
        var person = FranceConnectPerson.New();
        platform.FranceConnect.WillVouchFor(person);
        platform.FranceConnect.ForgeNextIdToken(forgery);
        using var browser = new WebSession(await platform.PortalAsync());

        var refused = await SignInWithFranceConnectAsync(browser);

        Assert.Equal("/Connexion", refused.Address.AbsolutePath);
        Assert.Equal([Failed], AccountPage.SummaryErrors(refused));
        Assert.Equal("/Connexion", (await browser.GetAsync("/Compte")).Address.AbsolutePath);
        // Nothing was opened for that person: their first genuine sign-in opens a new account, whose only session is this one.
        var genuine = await SignInWithFranceConnectAsync(browser);
        Assert.Equal("/", genuine.Address.AbsolutePath);
        var account = await browser.GetAsync("/Compte");
        Assert.Single(Markup.Tags(account.Html, "tr"), row => row["data-session-id"] is not null);
    });

    [Fact]
    public Task The_cloud_itself_refuses_a_tampered_id_token_or_another_sign_in_s_nonce() => RunAsync(async () =>
    {
        var person = FranceConnectPerson.New();
        platform.FranceConnect.WillVouchFor(person);
        using var cloud = new CloudApi(await platform.CloudAsync());

        var tokens = await PortalPlayedByHand.SignInAsync(platform.FranceConnect);
        var parts = tokens.IdToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.Replace(person.Subject, new string('a', person.Subject.Length), StringComparison.Ordinal))}.{parts[2]}";

        var forged = await Assert.ThrowsAsync<RpcException>(() => SignInAsync(cloud, tokens with { IdToken = tampered }));
        Assert.Equal(StatusCode.Unauthenticated, forged.StatusCode);
        Assert.Equal("La connexion avec FranceConnect n'a pas pu être vérifiée : la signature du jeton d'identité n'est pas celle de FranceConnect.", forged.Status.Detail);

        var replayed = await Assert.ThrowsAsync<RpcException>(() => SignInAsync(cloud, tokens with { Nonce = new string('0', 64) }));
        Assert.Equal(StatusCode.Unauthenticated, replayed.StatusCode);
        Assert.Equal("La connexion avec FranceConnect n'a pas pu être vérifiée : la réponse de FranceConnect ne correspond pas à la demande de connexion.", replayed.Status.Detail);

        var session = await SignInAsync(cloud, tokens);
        Assert.NotEmpty(session.Token);
        Assert.Equal(person.DisplayName, session.Identity.DisplayName);
        Assert.Equal(Role.Parent, session.Identity.Role);
    });

    private static async Task<Session> SignInAsync(CloudApi cloud, FranceConnectTokens tokens) =>
        await cloud.Accounts.SignInWithFranceConnectAsync(new FranceConnectSignInRequest
        {
            IdToken = tokens.IdToken,
            AccessToken = tokens.AccessToken,
            Nonce = tokens.Nonce,
        }, deadline: CloudApi.Deadline);

    /// <summary>The FranceConnect button of /Connexion, then every redirect: the provider, the portal's callback, the page after.</summary>
    private static Task<WebPage> SignInWithFranceConnectAsync(WebSession browser) =>
        browser.SubmitFormHoldingAsync("/Connexion", "ReturnUrl", new Dictionary<string, string> { ["ReturnUrl"] = "" });

    private Task RunAsync(Func<Task> test) => platform.RunAsync(output, async () =>
    {
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine("Local FranceConnect:\n" + platform.FranceConnect.Journal());
            throw;
        }
    });
}

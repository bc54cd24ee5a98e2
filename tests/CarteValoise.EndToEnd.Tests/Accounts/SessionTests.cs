using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Accounts;

/// <summary>Sessions kept by the cloud: a token whose session ended is refused by every service, not only by Accounts.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Ended = "Session terminée : reconnectez-vous.";

    [Fact]
    public Task Signing_out_everywhere_ends_every_session_and_their_tokens_are_refused_by_other_services() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();
        var phone = Citizens.Bearer(await citizens.SignInAsync(email, userAgent: "Safari sur iPhone"));
        var laptop = Citizens.Bearer(await citizens.SignInAsync(email, userAgent: "Firefox sur Linux"));

        var listed = await cloud.Accounts.ListSessionsAsync(new ListSessionsRequest(), laptop, CloudApi.Deadline);
        Assert.Equal(["Firefox sur Linux", "Safari sur iPhone"], listed.Sessions.Select(s => s.UserAgent));
        Assert.Equal([true, false], listed.Sessions.Select(s => s.Current));
        Assert.All(listed.Sessions, s => Assert.Equal(("mot de passe", "192.0.2.44"), (s.Method, s.Address)));
        Assert.All(listed.Sessions, s => Assert.InRange(s.ExpiresAt.ToDateTimeOffset() - s.StartedAt.ToDateTimeOffset(), TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(8)));

        var ended = await cloud.Accounts.SignOutEverywhereAsync(new SignOutEverywhereRequest(), laptop, CloudApi.Deadline);
        Assert.Equal(2, ended.SessionsEnded);

        foreach (var token in new[] { phone, laptop })
        {
            var refused = await Citizens.RefusedAsync(() => cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), token, CloudApi.Deadline).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.Equal(Ended, refused.Status.Detail);
        }
        var again = Citizens.Bearer(await citizens.SignInAsync(email));
        Assert.Single((await cloud.Accounts.ListSessionsAsync(new ListSessionsRequest(), again, CloudApi.Deadline)).Sessions);
    });

    [Fact]
    public Task Signing_out_ends_only_that_session() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        // The demo parent: the sessions of other tests are left alone.
        var leaving = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var staying = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);

        await cloud.Accounts.SignOutAsync(new SignOutRequest(), leaving, CloudApi.Deadline);

        var refused = await Citizens.RefusedAsync(() => cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), leaving, CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(Ended, refused.Status.Detail);
        var whoAmI = await Citizens.RefusedAsync(() => cloud.Accounts.WhoAmIAsync(new WhoAmIRequest(), leaving, CloudApi.Deadline).ResponseAsync);
        Assert.Equal(Ended, whoAmI.Status.Detail);
        Assert.Equal(Demo.CergyFamily, (await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), staying, CloudApi.Deadline)).FamilyId);
    });

    [Fact]
    public Task The_administrator_is_said_to_be_one_and_a_kiosk_session_needs_no_listing() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var administrator = await cloud.SignInAsync("admin@demo.cartevaloise.fr", "Demo-Admin-2026!");
        Assert.Equal(Role.Administrator, (await cloud.Accounts.WhoAmIAsync(new WhoAmIRequest(), administrator, CloudApi.Deadline)).Role);
        Assert.Equal(Role.Administrator, (await cloud.Accounts.GetAccountAsync(new GetAccountRequest(), administrator, CloudApi.Deadline)).Role);

        var kiosk = await cloud.Accounts.SignInWithCardAsync(
            new CardSignInRequest { CardUid = Demo.CergyFamilyCards[0], Pin = Demo.KioskPin, KioskId = "e2e-accounts-kiosk" }, deadline: CloudApi.Deadline);
        var atKiosk = Citizens.Bearer(kiosk);
        Assert.Equal(Role.KioskFamily, (await cloud.Accounts.WhoAmIAsync(new WhoAmIRequest(), atKiosk, CloudApi.Deadline)).Role);
        Assert.Equal(Demo.CergyFamily, (await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), atKiosk, CloudApi.Deadline)).FamilyId);
        var settings = await Citizens.RefusedAsync(() => cloud.Accounts.ListSessionsAsync(new ListSessionsRequest(), atKiosk, CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, settings.StatusCode);
    });
}

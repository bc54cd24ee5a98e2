using System.Net;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests;

/// <summary>
/// The cloud decides every access, whoever calls it: these tests call the real cloud process over
/// gRPC (and the real portal over HTTP) as a parent, an agent, nobody, and a box that lies.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_parent_reads_their_own_family_and_not_another_one() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);

        var own = await cloud.Families.GetFamilyAsync(new GetFamilyRequest { FamilyId = Demo.CergyFamily }, parent, CloudApi.Deadline);
        Assert.Equal(Demo.CergyFamily, own.FamilyId);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Families.GetFamilyAsync(new GetFamilyRequest { FamilyId = Demo.PontoiseFamily }, parent, CloudApi.Deadline));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    });

    [Fact]
    public Task An_agent_counts_meals_of_their_commune_and_not_of_another_one() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var own = await cloud.Canteen.GetDailyMealCountsAsync(new DailyMealCountsRequest { CommuneInseeCode = Demo.Cergy }, agent, CloudApi.Deadline);
        Assert.Equal(Demo.Cergy, own.CommuneInseeCode);
        Assert.Equal(["95127-E1", "95127-E2"], own.Schools.Select(s => s.SchoolId).Order());

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Canteen.GetDailyMealCountsAsync(new DailyMealCountsRequest { CommuneInseeCode = Demo.Pontoise }, agent, CloudApi.Deadline));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    });

    [Fact]
    public Task A_call_without_a_valid_token_is_unauthenticated() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());

        var anonymous = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), deadline: CloudApi.Deadline));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var forged = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
                new Metadata { { "authorization", "Bearer not-a-token-the-cloud-signed" } }, CloudApi.Deadline));
        Assert.Equal(StatusCode.Unauthenticated, forged.StatusCode);
    });

    [Fact]
    public Task An_agent_sees_their_commune_on_the_admin_page_and_access_denied_for_another_one() => platform.RunAsync(output, async () =>
    {
        using var agent = new WebSession(await platform.PortalAsync());
        var landing = await agent.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        Assert.Equal("/Admin", landing.Address.AbsolutePath);
        Assert.Equal(["95127-E1", "95127-E2"], Markup.Tags(landing.Html, "tr").Select(tr => tr["data-school-id"]).OfType<string>().Order());

        var other = await agent.GetAsync($"/Admin?commune={Demo.Pontoise}");
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Contains("Accès refusé", other.Text);
        Assert.Empty(Markup.Tags(other.Html, "tr").Select(tr => tr["data-school-id"]).OfType<string>());
    });

    public static TheoryData<string, string> LyingBoxes => new()
    {
        { PlatformFixture.ImpersonatedBoxId, "a-secret-this-box-was-never-issued" },
        { "e2e-box-nobody-enrolled", "a-secret-this-box-was-never-issued" },
    };

    [Theory]
    [MemberData(nameof(LyingBoxes))]
    public Task A_box_with_a_wrong_secret_or_an_unknown_id_is_refused_and_writes_nothing(string boxId, string secret) => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        // A moment of today no real tap has, so that finding it anywhere means the lie was written.
        var readAt = DateTimeOffset.UtcNow.AddSeconds(-1).AddTicks(4321);
        var tap = new Tap
        {
            Sequence = 1,
            CardUid = Demo.CergyFamilyCards[0],
            ReadAt = Timestamp.FromDateTimeOffset(readAt),
            Decision = TapDecision.Accepted,
            Service = ServiceKind.Canteen,
        };

        using var call = cloud.EdgeSync.Sync(new Metadata { { "x-box-id", boxId }, { "x-box-secret", secret } }, CloudApi.Deadline);
        try
        {
            await call.RequestStream.WriteAsync(new BoxMessage { Hello = new Hello { RosterVersion = 0, SoftwareVersion = "e2e" } });
            await call.RequestStream.WriteAsync(new BoxMessage { Taps = new TapBatch { Taps = { tap } } });
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The cloud may close the call before the box finishes writing: what matters is the status it ends with.
        }
        var answers = new List<CloudMessage>();
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) answers.Add(call.ResponseStream.Current);
        });
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Empty(answers);

        var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var parisDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(readAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest { Date = parisDay.ToString("yyyy-MM-dd") }, parent, CloudApi.Deadline);
        // Within a millisecond: a tap written with its time rounded by storage is still a tap written.
        Assert.DoesNotContain(family.Children.SelectMany(c => c.Taps), seen => SameMoment(seen.ReadAt.ToDateTimeOffset(), readAt));

        using var web = new WebSession(await platform.PortalAsync());
        var page = FamilyPage.Parse((await web.SignInAsync(Demo.CergyParent, Demo.ParentPassword)).Html);
        Assert.DoesNotContain(page.AllTapReadAts, shown => SameMoment(shown, readAt));
    });

    private static bool SameMoment(DateTimeOffset a, DateTimeOffset b) => (a - b).Duration() < TimeSpan.FromMilliseconds(1);
}

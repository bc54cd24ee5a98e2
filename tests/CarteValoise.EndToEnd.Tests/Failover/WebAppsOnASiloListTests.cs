using System.Net;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Processes;
using CarteValoise.EndToEnd.Tests.Web;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Failover;

/// <summary>
/// The portal and the kiosk given the cloud as a list of silos (Cloud:Address = "a,b"): a silo
/// listed but down is never used, and a silo that goes away while pages are served leaves the
/// pages served by the others. Each test starts its own portal or kiosk against the shared cloud;
/// the other "silos" are a loopback port where nobody listens, or one relayed to the cloud that
/// the test kills (<see cref="DyingSilo"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebAppsOnASiloListTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(180);

    [Fact]
    public Task A_parent_signs_in_on_a_portal_whose_first_silo_is_dead_and_reads_the_family_page_again_and_again() => platform.RunAsync(output, async () =>
    {
        var family = await CergyFamilyAsync();
        await using var portal = await StartAsync("portal on a dead silo and a live one", Component.Portal, $"{DeadAddress()},{await LiveAddressAsync()}", []);
        using var parent = new WebSession(portal.Address);

        var home = await parent.SignInAsync(Demo.CergyParent, Demo.ParentPassword);

        Assert.Equal((HttpStatusCode.OK, "/"), (home.Status, home.Address.AbsolutePath));
        AssertShows(family, FamilyPage.Parse(home.Html));
        // Call after call is balanced over the list: none may land on the dead silo.
        for (var i = 0; i < 10; i++)
        {
            var again = await parent.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, again.Status);
            AssertShows(family, FamilyPage.Parse(again.Html));
        }
    });

    [Fact]
    public Task A_family_card_and_its_PIN_open_the_family_on_a_kiosk_whose_first_silo_is_dead() => platform.RunAsync(output, async () =>
    {
        var family = await CergyFamilyAsync();
        await using var kiosk = await StartAsync("kiosk on a dead silo and a live one", Component.Kiosk, $"{DeadAddress()},{await LiveAddressAsync()}",
            new() { ["Kiosk__IdleSeconds"] = "300" });
        using var citizen = new WebSession(kiosk.Address);

        var page = await citizen.SubmitFormAsync("/", new Dictionary<string, string> { ["CardUid"] = Demo.CergyFamilyCards[0], ["Pin"] = Demo.KioskPin });

        Assert.Equal((HttpStatusCode.OK, "/Famille"), (page.Status, page.Address.AbsolutePath));
        AssertShows(family, FamilyPage.Parse(page.Html));
    });

    [Fact]
    public Task The_portal_keeps_serving_a_signed_in_parent_when_one_of_its_two_silos_dies_between_pages() => platform.RunAsync(output, async () =>
    {
        var family = await CergyFamilyAsync();
        await using var dying = DyingSilo.Relaying(await platform.CloudAsync());
        await using var portal = await StartAsync("portal on two silos, one of which dies", Component.Portal, $"{dying.Address},{await LiveAddressAsync()}", []);
        using var parent = new WebSession(portal.Address);
        AssertShows(family, FamilyPage.Parse((await parent.SignInAsync(Demo.CergyParent, Demo.ParentPassword)).Html));

        var before = dying.BytesFromCloud;
        for (var i = 0; i < 6; i++) AssertShows(family, FamilyPage.Parse((await parent.GetAsync("/")).Html));
        Assert.True(dying.BytesFromCloud > before, "The portal sent no call through the silo about to die: the calls are not balanced over the list.");

        dying.Kill();
        for (var i = 0; i < 10; i++)
        {
            var page = await parent.GetAsync("/");
            Assert.True(page.Status == HttpStatusCode.OK, $"Page {i + 1} after the silo died answered {(int)page.Status}: {page.Text}");
            AssertShows(family, FamilyPage.Parse(page.Html));
        }
    });

    [Fact]
    public Task A_page_whose_call_is_caught_by_the_death_of_its_silo_is_served_by_the_other_one() => platform.RunAsync(output, async () =>
    {
        var family = await CergyFamilyAsync();
        await using var dying = DyingSilo.Relaying(await platform.CloudAsync());
        await using var portal = await StartAsync("portal on two silos, one of which dies under a call", Component.Portal,
            $"{dying.Address},{await LiveAddressAsync()}", []);
        using var parent = new WebSession(portal.Address);
        AssertShows(family, FamilyPage.Parse((await parent.SignInAsync(Demo.CergyParent, Demo.ParentPassword)).Html));

        // Round robin: within a few pages a call goes to the dying silo, which dies as it arrives.
        dying.DieAtNextCall();
        for (var i = 1; !dying.DiedUnderACall; i++)
        {
            Assert.True(i <= 6, "Six pages and no call went to the dying silo: the calls are not balanced over the list.");
            var page = await parent.GetAsync("/");
            Assert.True(page.Status == HttpStatusCode.OK, $"Page {i} answered {(int)page.Status} (its silo died under its call): {page.Text}");
            AssertShows(family, FamilyPage.Parse(page.Html));
        }
    });

    private static string DeadAddress() => $"http://127.0.0.1:{FreePorts.Next()}";

    private async Task<string> LiveAddressAsync() => (await platform.CloudAsync()).ToString().TrimEnd('/');

    private static void AssertShows(FamilySummary family, FamilyPage page)
    {
        Assert.Equal(family.BalanceCents, page.BalanceCents);
        Assert.Equal(family.Children.Select(c => c.ChildId).Order(), page.Children.Select(c => c.ChildId).Order());
    }

    /// <summary>The family as the cloud itself answers, so that the pages are checked against the truth.</summary>
    private async Task<FamilySummary> CergyFamilyAsync()
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        return await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
            await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword), CloudApi.Deadline);
    }

    private async Task<WebApp> StartAsync(string name, Component component, string cloudAddresses, Dictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        settings["Cloud__Address"] = cloudAddresses;
        var process = RunningProcess.Start(name, component, settings);
        var app = new WebApp(process, address, output);
        try
        {
            await process.Log.WaitForLineAsync(line => line.Contains("Now listening on:", StringComparison.Ordinal), "\"Now listening on:\"", StartupPatience);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>A web app of the test's own, stopped at the end; what it printed goes into the test's output (shown when the test fails).</summary>
    private sealed class WebApp(RunningProcess process, Uri address, ITestOutputHelper output) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public async ValueTask DisposeAsync()
        {
            await process.DisposeAsync();
            output.WriteLine(process.Log.Dump(lastLines: 200));
        }
    }
}

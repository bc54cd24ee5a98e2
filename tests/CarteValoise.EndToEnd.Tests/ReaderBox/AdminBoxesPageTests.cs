using System.Net;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// What an agent sees of the boxes of their commune on the portal's /Admin page, over HTTP: each
/// box's state in words, a box that stops sending heartbeats flagged within the cloud's threshold
/// (the shared cloud says silent after <see cref="PlatformFixture.SilentAfterSeconds"/> s), and the
/// form that adds a box and shows its one-time code once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AdminBoxesPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string AdminOfCergy = $"/Admin?commune={Demo.Cergy}";

    [Fact]
    public Task A_box_in_service_reads_En_service_and_is_flagged_Silencieuse_once_it_stops_and_a_backlogged_box_En_retard() => platform.RunAsync(output, async () =>
    {
        var silent = platform.FallsSilentBox;
        var running = await platform.StartEdgeBoxAsync("box that falls silent",
            new EdgeBoxRun(silent, platform.NewDataDirectory("falls-silent-box"), [Demo.UnknownCard], TapsPerSecond: 1));
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var inService = await WaitForBoxAsync(agent, silent.BoxId, box => box.Health == "OK", "in service");
        Assert.Contains("En service", inService.Text);
        Assert.Contains("Cantine", inService.Text);
        Assert.False(inService.Flagged);
        Assert.Equal(silent.SchoolId, inService.SchoolId);
        using var cloud = new CloudApi(await platform.CloudAsync());
        var status = await BoxStatuses.ReadAsync(cloud, await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword), Demo.Cergy, silent.BoxId);
        // The version as the box sent it, the build hash after '+' cut to 7 characters.
        var plus = status.SoftwareVersion.IndexOf('+', StringComparison.Ordinal);
        Assert.Contains(plus < 0 ? status.SoftwareVersion : status.SoftwareVersion[..Math.Min(status.SoftwareVersion.Length, plus + 8)], inService.Text);
        Assert.Contains(status.ReaderStatus, inService.Text);

        // A box that reaches the cloud but cannot empty its outbox: the test plays it, heartbeat after heartbeat.
        var backlogged = platform.BackloggedBox;
        await using (var stream = await BoxStream.OpenAsync(cloud, backlogged.BoxId, backlogged.Secret))
        {
            using var stop = new CancellationTokenSource();
            var beating = BeatAsync(stream, stop.Token);
            var late = await WaitForBoxAsync(agent, backlogged.BoxId, box => box.Health == "BACKLOGGED", "backlogged");
            await stop.CancelAsync();
            await beating;
            Assert.Contains("En retard", late.Text);
            Assert.Contains("1200", late.Text);
            Assert.True(late.Flagged, "A backlogged box is not marked for the agent.");
        }

        await running.Process.KillAsync();
        var stopped = await WaitForBoxAsync(agent, silent.BoxId, box => box.Health == "SILENT", "silent");
        Assert.Contains("Silencieuse", stopped.Text);
        Assert.Contains("⚠", stopped.Text);
        Assert.True(stopped.Flagged, "A silent box is not marked for the agent.");
        // Above the table, the boxes to look at, each linked to its row.
        var html = (await agent.GetAsync(AdminOfCergy)).Html;
        var page = AdminPage.Parse(html);
        Assert.Equal(page.Boxes.Count(b => b.Flagged), page.FlaggedBoxes);
        Assert.Contains(Markup.Tags(html, "a"), a => a["href"] == $"#boite-{silent.BoxId}");
    });

    [Fact]
    public Task An_agent_adds_a_box_and_gets_its_one_time_code_once_and_a_refused_school_or_label_is_said_in_French() => platform.RunAsync(output, async () =>
    {
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var before = AdminPage.Parse((await agent.GetAsync(AdminOfCergy)).Html);
        Assert.Null(before.EnrolmentCode);

        var added = await agent.SubmitFormHoldingAsync(AdminOfCergy, "ecole",
            new Dictionary<string, string> { ["ecole"] = Demo.CergySecondSchool, ["libelle"] = "Préau, côté cour" });
        Assert.Equal(HttpStatusCode.OK, added.Status);
        var page = AdminPage.Parse(added.Html);
        var code = page.EnrolmentCode ?? throw new Xunit.Sdk.XunitException("The page shows no p#enrolment-code after adding a box.");
        Assert.False(string.IsNullOrWhiteSpace(code.Code));
        Assert.Contains(code.Code, code.Text);
        Assert.Contains("Box__EnrolmentCode", page.Text);
        Assert.Contains("Préau, côté cour", page.Text);
        var newBox = page.Box(code.BoxId) ?? throw new Xunit.Sdk.XunitException($"The new box {code.BoxId} is not in the table.");
        Assert.Equal("AWAITING_ENROLMENT", newBox.Health);
        Assert.Contains("En attente d'enrôlement", newBox.Text);
        Assert.Equal(before.Boxes.Count + 1, page.Boxes.Count);

        // The code on the page is the box's: a box that gives it gets this box's credential.
        using var cloud = new CloudApi(await platform.CloudAsync());
        var enrolled = await cloud.EdgeSync.EnrolAsync(new EnrolRequest { Code = code.Code, SoftwareVersion = "e2e" }, deadline: CloudApi.Deadline);
        Assert.Equal(code.BoxId, enrolled.BoxId);
        Assert.Equal(Demo.CergySecondSchool, enrolled.SchoolId);

        // Shown once: the page does not show it again.
        var again = AdminPage.Parse((await agent.GetAsync(AdminOfCergy)).Html);
        Assert.Null(again.EnrolmentCode);
        Assert.DoesNotContain(code.Code, again.Text);

        // Another commune's school, as a tampered form would send it.
        var refused = await agent.SubmitFormHoldingAsync(AdminOfCergy, "ecole",
            new Dictionary<string, string> { ["ecole"] = "95500-E1", ["libelle"] = "Intrusion" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Vous ne pouvez pas ajouter de boîte à cette école", refused.Text);
        var afterRefusal = AdminPage.Parse(refused.Html);
        Assert.Null(afterRefusal.EnrolmentCode);
        Assert.Equal(page.Boxes.Count, afterRefusal.Boxes.Count);

        var tooLong = await agent.SubmitFormHoldingAsync(AdminOfCergy, "ecole",
            new Dictionary<string, string> { ["ecole"] = Demo.CergySecondSchool, ["libelle"] = new string('x', 81) });
        Assert.Contains("La boîte n'a pas été créée.", tooLong.Text);
        Assert.Contains("80 caractères", tooLong.Text);
        Assert.Null(AdminPage.Parse(tooLong.Html).EnrolmentCode);
        Assert.Equal(page.Boxes.Count, AdminPage.Parse(tooLong.Html).Boxes.Count);

        var noSchool = await agent.SubmitFormHoldingAsync(AdminOfCergy, "ecole",
            new Dictionary<string, string> { ["ecole"] = "", ["libelle"] = "Sans école" });
        Assert.Contains("Choisissez l'école où la boîte sera installée.", noSchool.Text);
        Assert.Contains("<title>Erreur : Espace agents", noSchool.Html);
        Assert.Equal(page.Boxes.Count, AdminPage.Parse(noSchool.Html).Boxes.Count);
    });

    /// <summary>What the cloud knows of a box comes from heartbeats nothing signals to the page: reload it until the box shows so, with a deadline.</summary>
    private static async Task<BoxOnPage> WaitForBoxAsync(WebSession agent, string boxId, Func<BoxOnPage, bool> expected, string description)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var page = await agent.GetAsync(AdminOfCergy);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var box = AdminPage.Parse(page.Html).Box(boxId);
            if (box is not null && expected(box)) return box;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The admin page did not show box {boxId} {description} within {Patience.TotalSeconds:0} s; it last showed: {box?.ToString() ?? "no such row"}.");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>A box with 1200 taps waiting, the oldest for twenty minutes, saying so every second.</summary>
    private static async Task BeatAsync(BoxStream stream, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await stream.HeartbeatAsync(new Heartbeat
            {
                SoftwareVersion = "e2e",
                OutboxDepth = 1200,
                OldestUnsentReadAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-20)),
                ReaderStatus = "en service (lecteur simulé)",
                LastSequence = 1200,
                Mode = "Canteen",
            });
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// A new box in a school: an agent creates it and gets a one-time code; the box, given only that
/// code, exchanges it for its credential, then taps like any box. The code works once. A box
/// created and never installed waits, visibly, for its enrolment.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EnrolmentTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Family = 7; // Cergy, school E2

    [Fact]
    public Task A_box_given_only_its_one_time_code_enrols_and_its_taps_count_and_the_code_works_once() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var created = await cloud.Canteen.CreateBoxAsync(
            new CreateBoxRequest { SchoolId = Demo.CergySecondSchool, Label = "Réfectoire, entrée B" }, agent, CloudApi.Deadline);
        var neverInstalled = await cloud.Canteen.CreateBoxAsync(
            new CreateBoxRequest { SchoolId = Demo.CergySecondSchool, Label = "Boîte de secours, dans l'armoire" }, agent, CloudApi.Deadline);
        Assert.False(string.IsNullOrWhiteSpace(created.EnrolmentCode));
        Assert.NotEqual(created.BoxId, neverInstalled.BoxId);
        Assert.NotEqual(created.EnrolmentCode, neverInstalled.EnrolmentCode);
        Assert.True(created.CodeExpiresAt.ToDateTimeOffset() > DateTimeOffset.UtcNow, $"The code expires at {created.CodeExpiresAt}, already past.");

        string[] cards = [Demo.CergyCard(Family, 1), Demo.CergyCard(Family, 2)];
        var run = EdgeBoxRun.Enrolling(created.BoxId, Demo.CergySecondSchool, created.EnrolmentCode,
            platform.NewDataDirectory("enrolled-box"), cards, tapsPerSecond: 5);
        var box = await platform.StartEdgeBoxAsync("box enrolled by code", run);
        // The school's roster reached the box: its children are served, not unknown cards.
        foreach (var card in cards)
            await box.WaitForTapAsync(tap => tap.CardUid == card && tap.Decision == "Accepted", $"accepting card {card}");
        await box.WaitForAckAsync(box.Taps.Max(t => t.Sequence));

        var reused = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.EdgeSync.EnrolAsync(new EnrolRequest { Code = created.EnrolmentCode, SoftwareVersion = "e2e" }, deadline: CloudApi.Deadline));
        Assert.Equal(StatusCode.PermissionDenied, reused.StatusCode);

        var enrolled = await BoxStatuses.WaitUntilAsync(cloud, agent, Demo.Cergy, created.BoxId,
            status => status.Health == BoxHealth.Ok && status.LastHeartbeatAt is not null, "in service with a heartbeat");
        Assert.True(enrolled.Enrolled);
        Assert.Equal(Demo.CergySecondSchool, enrolled.SchoolId);
        Assert.Equal("", enrolled.HealthReason);
        Assert.Equal("Canteen", enrolled.Mode);
        Assert.False(string.IsNullOrWhiteSpace(enrolled.SoftwareVersion));
        Assert.False(string.IsNullOrWhiteSpace(enrolled.ReaderStatus));

        var waiting = await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, neverInstalled.BoxId);
        Assert.False(waiting.Enrolled);
        Assert.Equal(BoxHealth.AwaitingEnrolment, waiting.Health);
        Assert.Null(waiting.LastHeartbeatAt);

        await box.Process.KillAsync();
        var durable = (await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, created.BoxId)).DurableThroughSequence;
        var inCloud = await FamilyTaps.ReadAsync(cloud, agent, [Demo.CergyFamilyNumbered(Family)], box.Taps.Select(t => t.ReadAt), "test d'enrôlement");
        TapAccounting.AssertCloudHoldsEachTapOnce([box.Taps], inCloud, durable);
    });
}

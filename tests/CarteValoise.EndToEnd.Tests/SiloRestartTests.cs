using System.Globalization;
using System.Security.Cryptography;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Processes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests;

/// <summary>
/// A silo killed without warning (SIGKILL: no shutdown, no final flush) and started again on the
/// same data directory keeps every family, child, balance and tap it had acknowledged. This test
/// runs its own silo, since it kills it.
/// </summary>
public sealed class SiloRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "cartevaloise-restart-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly DemoBox box = DemoBox.ForCergySchool("e2e-restart-box");
    private readonly List<RunningProcess> silos = [];

    [Fact]
    public async Task A_silo_killed_and_restarted_keeps_every_family_child_balance_and_tap()
    {
        try
        {
            // The first silo never checkpoints: its children, families and school days stay in memory,
            // so the restart must rebuild them from the boxes' journal alone.
            var first = await StartSiloAsync(checkpointSeconds: 3600);
            FamilySummary before;
            long durableBefore;
            using (var cloud = new CloudApi(first))
            {
                // Six taps of the Cergy parent's children, acknowledged by the silo before it dies.
                // Ten minutes ago, all six on one Paris day, which the family page is asked for: near
                // midnight in Paris that day is not today's.
                var readAt = DateTimeOffset.UtcNow.AddMinutes(-10);
                if (FamilyTaps.ParisDay(readAt.AddSeconds(1)) != FamilyTaps.ParisDay(readAt.AddSeconds(6))) readAt = readAt.AddSeconds(-6);
                var tapDay = FamilyTaps.Wire(FamilyTaps.ParisDay(readAt.AddSeconds(1)));
                var taps = Enumerable.Range(1, 6).Select(i => new Tap
                {
                    Sequence = i,
                    CardUid = Demo.CergyFamilyCards[i % 2],
                    ReadAt = Timestamp.FromDateTimeOffset(readAt.AddSeconds(i)),
                    Decision = i <= 2 ? TapDecision.Accepted : TapDecision.AlreadyServed,
                    Service = ServiceKind.Canteen,
                }).ToList();
                Assert.Equal(6, await SendAsync(cloud, taps));

                var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
                before = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest { Date = tapDay }, parent, CloudApi.Deadline);
                Assert.Equal(6, before.Children.Sum(c => c.Taps.Count));
                Assert.Equal(2, before.Children.Sum(c => c.Meals.Count));
                durableBefore = await DurableThroughAsync(cloud);
                Assert.Equal(6, durableBefore);
            }

            await silos[0].KillAsync();

            // Without seeding, nothing touches the box at start: only the silo's own recovery can replay its journal.
            var second = await StartSiloAsync(seed: false);
            using (var cloud = new CloudApi(second))
            {
                var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
                var after = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest { Date = before.Date }, parent, CloudApi.Deadline);

                Assert.Equal(before, after);
                Assert.Equal(durableBefore, await DurableThroughAsync(cloud));
                Assert.Equal(before.BalanceCents, after.BalanceCents);
            }
        }
        catch
        {
            foreach (var silo in silos) output.WriteLine(silo.Log.Dump(lastLines: 200));
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in silos) await silo.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private async Task<Uri> StartSiloAsync(double checkpointSeconds = 1, bool seed = true)
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var silo = RunningProcess.Start($"cloud-{silos.Count + 1}", Component.Cloud, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["DataDirectory"] = dataDirectory,
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Identity__TokenSigningKey"] = signingKey,
            ["Boxes__CheckpointSeconds"] = checkpointSeconds.ToString(CultureInfo.InvariantCulture),
            ["Demo__Seed"] = seed ? "true" : "false",
            ["Demo__CanteenDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
            ["Demo__Boxes__0__BoxId"] = box.BoxId,
            ["Demo__Boxes__0__SchoolId"] = box.SchoolId,
            ["Demo__Boxes__0__Secret"] = box.Secret,
        });
        silos.Add(silo);
        await silo.Log.WaitForLineAsync(line => line.Contains("CLOUD READY", StringComparison.Ordinal), "\"CLOUD READY\"", TimeSpan.FromSeconds(180));
        return address;
    }

    /// <summary>Sends the taps as a box would and returns the sequence number the silo acknowledged.</summary>
    private async Task<long> SendAsync(CloudApi cloud, IReadOnlyList<Tap> taps)
    {
        using var call = cloud.EdgeSync.Sync(new Metadata { { "x-box-id", box.BoxId }, { "x-box-secret", box.Secret } }, CloudApi.Deadline);
        await call.RequestStream.WriteAsync(new BoxMessage { Hello = new Hello { RosterVersion = 0, SoftwareVersion = "e2e" } });
        var batch = new TapBatch();
        batch.Taps.AddRange(taps);
        await call.RequestStream.WriteAsync(new BoxMessage { Taps = batch });
        await call.RequestStream.CompleteAsync();
        long acknowledged = 0;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
            if (message.BodyCase == CloudMessage.BodyOneofCase.Ack) acknowledged = message.Ack.DurableThroughSequence;
        return acknowledged;
    }

    private async Task<long> DurableThroughAsync(CloudApi cloud)
    {
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        return (await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, box.BoxId)).DurableThroughSequence;
    }
}

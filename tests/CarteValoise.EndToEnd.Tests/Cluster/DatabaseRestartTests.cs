using System.Diagnostics;
using System.Globalization;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// PostgreSQL restarted (fast shutdown: every connection cut) while boxes tap against the three
/// silos: the silos get over it by themselves — the same processes answer /health 200 again — and
/// once the boxes have drained, every tap they wrote is counted once and every balance is the sum
/// of its movements. How long each box went without an acknowledgement is in the output.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DatabaseRestartTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const double TapsPerSecond = 20;
    private const string PontoiseAgent = "agent.pontoise@demo.cartevaloise.fr";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(120);

    [Fact]
    public Task PostgreSQL_restarted_under_load_the_silos_recover_by_themselves_and_nothing_acknowledged_is_lost() => cluster.RunAsync(output, async () =>
    {
        await cluster.EnsureRunningAsync();
        output.WriteLine(cluster.StartupReport);
        var timeline = Stopwatch.StartNew();
        var boxes = await Task.WhenAll(cluster.DatabaseRestartBoxes.Select(b => BoxUnderLoad.StartAsync(cluster, b, TapsPerSecond, timeline)));
        foreach (var box in boxes) await box.WaitForAckAsync(40, "before PostgreSQL restarts");

        var silos = Enumerable.Range(0, ClusterFixture.SiloCount).Select(slot => cluster.SiloAt(slot)!).ToList();
        var printedBefore = boxes.ToDictionary(b => b.BoxId, b => b.LastPrinted);
        var connections = boxes.ToDictionary(b => b.BoxId, b => cluster.Connections(b.Tapping));
        await using var health = new HealthWatch(cluster.Slots);
        var restartedAt = timeline.Elapsed;
        await cluster.Postgres.RestartAsync();
        output.WriteLine($"[{restartedAt:mm\\:ss\\.f}] PostgreSQL restarted (tests/postgres.sh restart), accepting connections again at [{timeline.Elapsed:mm\\:ss\\.f}].");

        // By themselves: the silos that ran before, none restarted by the test, each active again.
        for (var slot = 0; slot < ClusterFixture.SiloCount; slot++)
        {
            await cluster.WaitHealthyAsync(slot, Recovery);
            Assert.Same(silos[slot], cluster.SiloAt(slot));
            Assert.False(silos[slot].Log.HasEnded, $"{silos[slot].Log.Name} ended when PostgreSQL restarted.");
        }
        output.WriteLine($"[{timeline.Elapsed:mm\\:ss\\.f}] every silo answers /health 200 again.");
        foreach (var box in boxes)
            await box.WaitForAckAsync(printedBefore[box.BoxId] + (long)(2 * TapsPerSecond), "after PostgreSQL restarted");
        var recoveredAt = timeline.Elapsed;
        output.WriteLine($"[{recoveredAt:mm\\:ss\\.f}] every box acknowledged again; longest ACK gap meanwhile: "
            + string.Join(", ", boxes.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.BoxId} {b.LongestAckGapAround(restartedAt, recoveredAt).Gap.TotalSeconds:0.00} s")))
            + $"; reconnections: {string.Join(", ", boxes.Select(b => $"{b.BoxId} {cluster.Connections(b.Tapping) - connections[b.BoxId]}"))}.");
        output.WriteLine($"/health seen meanwhile: {await health.StopAsync()}.");

        var silo = cluster.Addresses[0];
        using var cloud = new CloudApi(silo);
        // A silo may still meet one connection the restart cut and answer UNAVAILABLE, which every
        // client is told to retry: the sign-in retries it, as the final reads do.
        using var failover = new FailoverCloud([silo]);
        var agent = await failover.CallAsync("SignIn", (_, _) => cloud.SignInAsync(PontoiseAgent, Demo.AgentPassword));
        var drained = await Task.WhenAll(boxes.Select(async box => (box, await box.StopAndDrainAsync(cluster, cloud, agent))));
        foreach (var box in boxes) output.WriteLine(box.AckGapReport());

        await ClusterAccounting.AssertCountedOnceAsync(drained, silo, agent, "test de redémarrage de PostgreSQL", output);
    });
}

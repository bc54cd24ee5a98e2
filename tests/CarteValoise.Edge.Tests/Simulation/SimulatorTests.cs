using System.Text.RegularExpressions;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Simulation;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Edge.Tests.Uplink;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Simulation;

/// <summary>The load simulator against a loopback cloud that acknowledges: N boxes, each with its own outbox and stream.</summary>
public partial class SimulatorTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static RosterDelta Roster()
    {
        var roster = new RosterDelta { Version = 1, Full = true, SchoolName = "École élémentaire des Touleuses", ServiceDate = "2025-04-01" };
        roster.Upserts.AddRange(Enumerable.Range(1, 12).Select(i => new RosterEntry { CardUid = $"0495127100{i:D2}00", ChildId = $"c{i}", FirstName = $"Enfant {i}", CanteenToday = true }));
        return roster;
    }

    private SimulateOptions Options(string cloud, double duration = 1.5, double drain = 30) => new(
        Boxes: 3, TapsPerSecond: 300, Duration: TimeSpan.FromSeconds(duration), Cloud: cloud, BoxPrefix: "sim", Secret: "s3cret", SchoolId: "95127-E1",
        Root: _root.Path, BatchSize: 50, DrainTimeout: TimeSpan.FromSeconds(drain), RosterTimeout: TimeSpan.FromSeconds(15), Mode: BoxMode.Canteen);

    [Fact]
    public async Task Virtual_boxes_tap_the_cards_of_their_roster_and_every_tap_is_acknowledged()
    {
        await using var cloud = await AckingCloud.StartAsync();
        cloud.Roster = Roster();
        var progress = new StringWriter();

        var result = await new Simulator(Options(cloud.Address), TimeProvider.System, new ListLoggerFactory(), progress).RunAsync(CancellationToken.None);

        var line = result.Report.Line();
        output.WriteLine(line);
        var match = SimulateLine().Match(line);
        Assert.True(match.Success, line);
        Assert.Equal(0, result.NeverAcknowledged);
        var taps = long.Parse(match.Groups["taps"].Value);
        Assert.Equal(taps, long.Parse(match.Groups["acked"].Value));
        // 300 taps/s for 1.5 s: pacing never taps faster than asked; a busy machine may tap fewer.
        Assert.InRange(taps, 3, 460);
        // Each box has its own stream and numbering, and the cloud has every tap of each once.
        Assert.Equal(taps, cloud.DurableThroughOf("sim-1") + cloud.DurableThroughOf("sim-2") + cloud.DurableThroughOf("sim-3"));
        Assert.All(new[] { "sim-1", "sim-2", "sim-3" }, id => Assert.InRange(cloud.DurableThroughOf(id), 1, 155));
        Assert.All(new[] { "sim-1", "sim-2", "sim-3" }, id => Assert.True(File.Exists(Path.Combine(_root.Path, id, "box.db"))));
        Assert.DoesNotContain("cartes inconnues", progress.ToString());
    }

    [Fact]
    public async Task Taps_the_cloud_never_acknowledges_are_counted_and_said()
    {
        await using var cloud = await AckingCloud.StartAsync();
        cloud.Roster = Roster();
        cloud.DropBeforeAck = 1; // a cloud that takes the taps and never answers

        var result = await new Simulator(Options(cloud.Address, duration: 0.5, drain: 1), TimeProvider.System, new ListLoggerFactory(), new StringWriter()).RunAsync(CancellationToken.None);

        Assert.True(result.Report.Taps > 0);
        Assert.Equal(0, result.Report.Acknowledged);
        Assert.Equal(result.Report.Taps, result.NeverAcknowledged);
        Assert.Matches(SimulateLine(), result.Report.Line());
    }

    [Fact]
    public void The_report_is_one_line_in_the_agreed_shape()
    {
        Assert.Equal(
            "SIMULATE boxes=50 taps_per_second_target=2000 duration_s=60 taps=119987 acknowledged=119987 sustained_taps_per_s=1998.4 p50_ms=12.3 p99_ms=87.6 outbox_high_water=41",
            new SimulationReport(50, 2000, 60, 119_987, 119_987, 1998.43, 12.34, 87.61, 41).Line());
    }

    [Fact]
    public void The_command_line_is_read_and_its_mistakes_are_said_in_French()
    {
        Assert.True(SimulateOptions.TryParse(
            ["--boxes", "50", "--taps-per-second", "2000", "--duration", "60s", "--box-prefix", "bench", "--secret", "s3cret", "--school", "95127-E1", "--cloud", "http://127.0.0.1:5100"],
            out var options, out var problems), string.Join("; ", problems));
        Assert.Equal(new SimulateOptions(50, 2000, TimeSpan.FromSeconds(60), "http://127.0.0.1:5100", "bench", "s3cret", "95127-E1", null, 200,
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), BoxMode.Canteen), options);

        Assert.False(SimulateOptions.TryParse(["--boxes", "0", "--taps-per-second", "beaucoup", "--cloud", "127.0.0.1:5100", "--vite", "oui"], out _, out problems));
        Assert.Equal(
            [
                "option inconnue --vite",
                "--boxes « 0 » : un entier entre 1 et 10000",
                "--taps-per-second « beaucoup » : un nombre au moins égal à 0.001",
                "--duration manque",
                "--cloud « 127.0.0.1:5100 » n'est pas une adresse http:// ou https:// complète",
                "--box-prefix manque : les boxes s'appellent <préfixe>-1 à <préfixe>-N",
                "--secret ou --secret-file manque : le secret partagé par les boxes simulées",
            ],
            problems);
    }

    [GeneratedRegex(@"^SIMULATE boxes=3 taps_per_second_target=300 duration_s=(1\.5|0\.5) taps=(?<taps>\d+) acknowledged=(?<acked>\d+) sustained_taps_per_s=\d+\.\d p50_ms=\d+\.\d p99_ms=\d+\.\d outbox_high_water=\d+$")]
    private static partial Regex SimulateLine();
}

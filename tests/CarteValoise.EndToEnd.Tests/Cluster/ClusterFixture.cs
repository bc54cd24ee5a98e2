using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Processes;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Cluster;

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}

/// <summary>
/// Three silos in separate processes on one PostgreSQL database, as a small deployment runs them:
/// a fresh database, `CarteValoise.Cloud migrate`, then the silos, each with its own ports and the
/// same cluster, service and token signing key (a session opened on one silo works on every other).
/// The first silo seeds the demo and enrols the boxes the tests run. Started the first time a test
/// asks for it; a test may kill a silo (SIGKILL) and start a replacement in its place.
/// </summary>
public sealed partial class ClusterFixture : IAsyncLifetime
{
    public const int SiloCount = 3;

    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(180);

    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), "cartevaloise-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private readonly List<RunningProcess> processes = [];
    private readonly RunningProcess?[] running = new RunningProcess?[SiloCount];
    private readonly List<string> databases = [];
    private readonly Lazy<Task> started;
    private readonly Lazy<TestPostgres> postgres = new(TestPostgres.FromEnvironment);
    private IReadOnlyList<SiloSlot> slots = [];

    public ClusterFixture() => started = new(StartClusterAsync);

    /// <summary>Cergy, tapping while silos are killed: three boxes, two at school E1 and one at E2.</summary>
    public IReadOnlyList<ClusterBox> SiloLossBoxes { get; } =
    [
        ClusterBox.For("cluster-cergy-e1-a", Demo.Cergy, 1, 2, 3),
        ClusterBox.For("cluster-cergy-e1-b", Demo.Cergy, 4, 5, 6),
        ClusterBox.For("cluster-cergy-e2-c", Demo.Cergy, 7, 8, 9),
    ];

    /// <summary>Pontoise, tapping while PostgreSQL restarts: a box at each school.</summary>
    public IReadOnlyList<ClusterBox> DatabaseRestartBoxes { get; } =
    [
        ClusterBox.For("cluster-pontoise-e1", Demo.Pontoise, 1, 2, 3),
        ClusterBox.For("cluster-pontoise-e2", Demo.Pontoise, 7, 8, 9),
    ];

    public TestPostgres Postgres => postgres.Value;

    public IReadOnlyList<SiloSlot> Slots => slots;

    /// <summary>Every silo's gRPC address, in place order: the list the boxes and the clients are given.</summary>
    public IReadOnlyList<Uri> Addresses => [.. slots.Select(s => s.Address)];

    /// <summary>The places whose silo runs.</summary>
    public IReadOnlyList<int> Live => [.. Enumerable.Range(0, SiloCount).Where(i => running[i] is { Log.HasEnded: false })];

    public RunningProcess? SiloAt(int slot) => running[slot];

    public string NewDataDirectory(string purpose) => Directory.CreateDirectory(Path.Combine(dataRoot, purpose)).FullName;

    /// <summary>The three silos, started on first use; a place whose silo was killed gets a replacement.</summary>
    public async Task EnsureRunningAsync()
    {
        await started.Value;
        foreach (var slot in Enumerable.Range(0, SiloCount).Except(Live).ToList()) await ReplaceAsync(slot);
    }

    /// <summary>SIGKILL: no shutdown, no leaving the cluster; the others find out by themselves.</summary>
    public async Task KillAsync(int slot)
    {
        var silo = running[slot] ?? throw new InvalidOperationException($"No silo runs at place {slot}.");
        await silo.KillAsync();
    }

    /// <summary>A new silo in a place (same ports), not seeding: the data is in PostgreSQL already.</summary>
    /// <returns>How long after its start it printed CLOUD READY, and answered /health 200.</returns>
    public async Task<(TimeSpan Ready, TimeSpan Active)> ReplaceAsync(int slot)
    {
        if (running[slot] is { Log.HasEnded: false }) throw new InvalidOperationException($"The silo at place {slot} still runs.");
        return await StartSiloAsync(slot, seed: false, $"{slots[slot].Name} (replacement {processes.Count(p => p.Log.Name.StartsWith(slots[slot].Name, StringComparison.Ordinal))})");
    }

    /// <summary>Until the silo's health endpoint answers 200 (active in the cluster), for a load balancer's eyes.</summary>
    public async Task WaitHealthyAsync(int slot, TimeSpan patience)
    {
        var silo = running[slot] ?? throw new InvalidOperationException($"No silo runs at place {slot}.");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        var last = "no answer";
        while (true)
        {
            if (silo.Log.HasEnded)
                throw new ProcessEndedException($"{silo.Log.Name} ended before /health answered 200 (last: {last}). Its output is in the test output.");
            try
            {
                using var response = await http.GetAsync(slots[slot].Health);
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{silo.Log.Name}: {slots[slot].Health} did not answer 200 within {patience.TotalSeconds:0} s (last: {last}).");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// `CarteValoise.Cloud migrate` on a database: it must end with code 0 and say which schema it
    /// applied (`MIGRATED schema=n`); returns n.
    /// </summary>
    public async Task<int> MigrateAsync(string database)
    {
        var result = await ComponentCommand.RunAsync(Component.Cloud, ["migrate"], StorageEnvironment(database), TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, $"`CarteValoise.Cloud migrate` failed: {result}");
        var schema = result.StandardOutput.Select(line => MigratedLine().Match(line)).FirstOrDefault(m => m.Success)
            ?? throw new Xunit.Sdk.XunitException($"`CarteValoise.Cloud migrate` did not print \"MIGRATED schema=<n>\": {result}");
        return int.Parse(schema.Groups["schema"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>What a cloud process needs to find the database: Storage:Kind=Postgres and its connection string.</summary>
    public IReadOnlyDictionary<string, string> StorageEnvironment(string database) => new Dictionary<string, string>
    {
        ["Storage__Kind"] = "Postgres",
        ["Storage__Postgres__ConnectionString"] = Postgres.ConnectionString(database),
    };

    /// <summary>A database of a test's own, dropped with the fixture.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var database = await Postgres.CreateDatabaseAsync(purpose);
        lock (databases) databases.Add(database);
        return database;
    }

    /// <summary>
    /// A reader box given the list of every silo's address (Box:CloudAddress=a,b,c), as in a
    /// deployment without a load balancer; it says which one it is connected to (UPLINK connected=…).
    /// </summary>
    public async Task<EdgeBox> StartBoxAsync(string name, EdgeBoxRun run)
    {
        var environment = new Dictionary<string, string>
        {
            ["Box__CloudAddress"] = string.Join(',', Addresses.Select(a => a.ToString().TrimEnd('/'))),
            ["Box__DataDirectory"] = run.DataDirectory,
            ["Box__Id"] = run.Box.BoxId,
            ["Box__Secret"] = run.Box.Secret,
            ["Box__SchoolId"] = run.Box.SchoolId,
            ["Box__DebounceSeconds"] = "0",
            ["Box__Uplink__HeartbeatSeconds"] = "1",
            // A silo that went away is replaced by another within a second or two, not after a minute of backoff.
            ["Box__Uplink__MaxBackoffSeconds"] = "2",
            ["Reader__Kind"] = "Simulated",
            ["Reader__Simulated__TapsPerSecond"] = run.TapsPerSecond.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < run.CardUids.Count; i++) environment[$"Reader__Simulated__CardUids__{i}"] = run.CardUids[i];
        foreach (var (key, value) in run.Settings) environment[key] = value;
        var box = new EdgeBox(Launch(name, Component.Edge, environment));
        await box.WaitUntilReadyAsync(run.Box.BoxId);
        return box;
    }

    /// <summary>The place of the silo a box said last it is connected to, or null before it said any.</summary>
    public int? ConnectedSlot(EdgeBox box) =>
        box.Process.Log.StandardOutput.Select(ConnectedPort).OfType<int>().Select(port => (int?)SlotOfPort(port)).LastOrDefault();

    /// <summary>How many times the box has said it connected to a silo so far.</summary>
    public int Connections(EdgeBox box) => box.Process.Log.StandardOutput.Count(line => ConnectedPort(line) is not null);

    /// <summary>
    /// Until the box says it connected to a silo, in a line after the first <paramref name="after"/>
    /// such lines, naming an acceptable place; returns that place.
    /// </summary>
    public async Task<int> WaitUntilConnectedAsync(EdgeBox box, int after, Func<int, bool> acceptable, string description)
    {
        var seen = 0;
        var line = await box.Process.Log.WaitForLineAsync(
            line => ConnectedPort(line) is { } port && ++seen > after && SlotOfPort(port) is var slot && slot >= 0 && acceptable(slot),
            $"\"UPLINK connected=<address>\" naming {description}", TimeSpan.FromSeconds(120));
        return SlotOfPort(ConnectedPort(line)!.Value);
    }

    /// <summary>Runs a test body; if it fails, what every silo and box printed goes into the test's output.</summary>
    public async Task RunAsync(ITestOutputHelper output, Func<Task> test)
    {
        int startedBefore;
        lock (processes) startedBefore = processes.Count;
        try
        {
            await test();
        }
        catch
        {
            List<RunningProcess> printed;
            lock (processes) printed = [.. processes.Where((process, i) => i >= startedBefore || process.Log.Name.StartsWith("silo", StringComparison.Ordinal))];
            foreach (var process in printed) output.WriteLine(process.Log.Dump(lastLines: 300));
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        List<RunningProcess> all;
        lock (processes) all = [.. processes];
        foreach (var process in all) await process.DisposeAsync();
        List<string> made;
        lock (databases) made = [.. databases];
        foreach (var database in made)
        {
            try
            {
                await Postgres.DropDatabaseAsync(database);
            }
            catch (InvalidOperationException)
            {
                // The server may be gone already (run.sh stops it): the database goes with it.
            }
        }
        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>How the cluster was started, for the tests' output.</summary>
    public string StartupReport { get; private set; } = "";

    private async Task StartClusterAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var database = await CreateDatabaseAsync("cluster");
        var schema = await MigrateAsync(database);
        var migratedIn = clock.Elapsed;
        var clusterId = "cv-e2e-" + Guid.NewGuid().ToString("N")[..8];
        var shared = new Dictionary<string, string>(StorageEnvironment(database))
        {
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__AdvertisedIp"] = "127.0.0.1",
            ["Boxes__SilentAfterSeconds"] = "5",
        };
        var boxes = SiloLossBoxes.Concat(DatabaseRestartBoxes).Select(b => b.Box).ToList();
        slots = [.. Enumerable.Range(0, SiloCount).Select(i =>
            SiloSlot.Create($"silo-{i + 1}", NewDataDirectory($"silo-{i + 1}"), signingKey, boxes, shared))];

        // Together; the first alone seeds the demo (no two seeders race), and says CLOUD READY only
        // once it has: when all three are active, the demo is there.
        var started = await Task.WhenAll(Enumerable.Range(0, SiloCount).Select(i => StartSiloAsync(i, seed: i == 0, slots[i].Name)));
        StartupReport = string.Create(CultureInfo.InvariantCulture,
            $"Cluster started: database {database} migrated to schema {schema} in {migratedIn.TotalSeconds:0.0} s; silos active (/health 200) "
            + $"{string.Join(", ", started.Select(s => $"{s.Active.TotalSeconds:0.0} s"))} after their start (the first seeding the demo).");
    }

    private async Task<(TimeSpan Ready, TimeSpan Active)> StartSiloAsync(int slot, bool seed, string name)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var silo = Launch(name, Component.Cloud, slots[slot].Environment(seed));
        running[slot] = silo;
        await silo.Log.WaitForLineAsync(line => line.Contains("CLOUD READY", StringComparison.Ordinal), "\"CLOUD READY\"", StartupPatience);
        var ready = clock.Elapsed;
        await WaitHealthyAsync(slot, StartupPatience);
        return (ready, clock.Elapsed);
    }

    private RunningProcess Launch(string name, Component component, IReadOnlyDictionary<string, string> environment)
    {
        var process = RunningProcess.Start(name, component, environment);
        lock (processes) processes.Add(process);
        return process;
    }

    private int SlotOfPort(int port) => slots.ToList().FindIndex(s => s.Settings.HttpPort == port);

    private static int? ConnectedPort(string line)
    {
        var match = ConnectedLine().Match(line);
        return match.Success && Uri.TryCreate(match.Groups["address"].Value, UriKind.Absolute, out var address) ? address.Port : null;
    }

    [GeneratedRegex(@"\bMIGRATED schema=(?<schema>\d+)\b")]
    private static partial Regex MigratedLine();

    [GeneratedRegex(@"\bUPLINK connected=(?<address>\S+)")]
    private static partial Regex ConnectedLine();
}

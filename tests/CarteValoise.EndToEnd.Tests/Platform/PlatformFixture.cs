using System.Globalization;
using CarteValoise.EndToEnd.Tests.FranceConnect;
using CarteValoise.EndToEnd.Tests.Mail;
using CarteValoise.EndToEnd.Tests.Processes;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Platform;

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

/// <summary>
/// One cloud silo with demo data, and the portal and kiosk in front of it, each a real process on
/// loopback, started once for every test class of the collection. Each component starts the first
/// time a test asks for it, so that a component that does not start fails only the tests that need it.
/// Reader boxes are started by the tests themselves, which kill and restart them; a test that kills
/// the cloud starts a cloud of its own (<see cref="StartCloudAsync"/>). The shared cloud calls a box
/// silent after <see cref="SilentAfterSeconds"/> s without a heartbeat, and the tests' boxes send one
/// every second.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(180);

    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), "cartevaloise-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<RunningProcess> processes = [];
    private readonly HashSet<RunningProcess> shared = [];
    private readonly Lazy<Task<Uri>> cloud;
    private readonly Lazy<Task<Uri>> portal;
    private readonly Lazy<Task<Uri>> kiosk;

    // The portal's address is chosen before the cloud starts: the cloud writes links to it in its mails.
    private readonly Uri portalAddress = new($"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}");

    public PlatformFixture()
    {
        FranceConnect = LocalFranceConnect.Start(portalAddress);
        cloud = new(StartSharedCloudAsync);
        portal = new(() => StartWebAppAsync("portal", Component.Portal, "/Connexion", PortalSettings(), portalAddress));
        kiosk = new(() => StartWebAppAsync("kiosk", Component.Kiosk, "/", new() { ["Kiosk__IdleSeconds"] = "300" }));
    }

    /// <summary>The box whose taps the end-to-end test follows.</summary>
    public DemoBox TappingBox { get; } = DemoBox.ForCergySchool("e2e-cergy-e1-a");

    /// <summary>An enrolled box that the authorization tests impersonate with a wrong secret.</summary>
    public DemoBox ImpersonatedBox { get; } = DemoBox.ForCergySchool(ImpersonatedBoxId);

    public const string ImpersonatedBoxId = "e2e-cergy-e1-b";

    /// <summary>The box killed again and again while it taps.</summary>
    public DemoBox KillLoopBox { get; } = DemoBox.ForCergySchool("e2e-kill-loop");

    /// <summary>A box the test plays itself over gRPC, sending batches twice and out of order.</summary>
    public DemoBox SequencesBox { get; } = DemoBox.ForCergySchool("e2e-sequences");

    /// <summary>A box whose old sequence numbers the test replays with other content.</summary>
    public DemoBox ReplayedBox { get; } = DemoBox.ForCergySchool("e2e-replayed");

    /// <summary>An enrolled box that claims to be <see cref="ReplayedBox"/> with its own secret.</summary>
    public DemoBox ImpostorBox { get; } = DemoBox.ForCergySchool("e2e-impostor");

    /// <summary>A box whose reader sends a malformed UID between good ones.</summary>
    public DemoBox MalformedReadsBox { get; } = DemoBox.ForCergySchool("e2e-malformed-reads");

    /// <summary>A box that runs, then stops sending heartbeats, on the agents' page.</summary>
    public DemoBox FallsSilentBox { get; } = DemoBox.ForCergySchool("e2e-falls-silent");

    /// <summary>A box whose data directory is wiped between two runs: its numbering starts again.</summary>
    public DemoBox WipedBox { get; } = DemoBox.ForCergySchool("e2e-wiped");

    /// <summary>A box the test plays over gRPC, with taps piled up on it, on the agents' page.</summary>
    public DemoBox BackloggedBox { get; } = DemoBox.ForCergySchool("e2e-backlogged");

    /// <summary>
    /// A box that has not sent a heartbeat for this long is silent. Boxes started by the tests send
    /// one every second, so that a box killed by a test is flagged within seconds, not minutes.
    /// </summary>
    public const int SilentAfterSeconds = 5;

    /// <summary>The SMTP server on loopback that receives every mail the shared cloud sends.</summary>
    public MailSink Mail { get; } = MailSink.Start();

    /// <summary>The local OpenID Connect provider speaking FranceConnect v2, given to the portal and the shared cloud.</summary>
    public LocalFranceConnect FranceConnect { get; }

    /// <summary>The portal's public address, also in the cloud's settings (links in mails, PayFiP's return and notification).</summary>
    public Uri PortalAddress => portalAddress;

    public Task<Uri> CloudAsync() => cloud.Value;

    public Task<Uri> PortalAsync() => portal.Value;

    public Task<Uri> KioskAsync() => kiosk.Value;

    public string NewDataDirectory(string purpose) => Directory.CreateDirectory(Path.Combine(dataRoot, purpose)).FullName;

    /// <summary>Starts a reader box against the shared cloud, or against another cloud a test runs itself.</summary>
    public async Task<EdgeBox> StartEdgeBoxAsync(string name, EdgeBoxRun run, Uri? cloudAddress = null)
    {
        cloudAddress ??= await CloudAsync();
        var environment = new Dictionary<string, string>
        {
            ["Box__CloudAddress"] = cloudAddress.ToString().TrimEnd('/'),
            ["Box__DataDirectory"] = run.DataDirectory,
            // A test taps two cards several times a second: each read is a tap of its own.
            ["Box__DebounceSeconds"] = "0",
            // A heartbeat every second, so that the cloud's view of the box follows it within the tests' thresholds.
            ["Box__Uplink__HeartbeatSeconds"] = "1",
            // A cloud that comes back is found again within a second or two, not after a minute of backoff.
            ["Box__Uplink__MaxBackoffSeconds"] = "2",
            ["Reader__Kind"] = "Simulated",
            ["Reader__Simulated__TapsPerSecond"] = run.TapsPerSecond.ToString(CultureInfo.InvariantCulture),
        };
        if (run.EnrolmentCode is { } code)
        {
            environment["Box__EnrolmentCode"] = code;
        }
        else
        {
            environment["Box__Id"] = run.Box.BoxId;
            environment["Box__Secret"] = run.Box.Secret;
            environment["Box__SchoolId"] = run.Box.SchoolId;
        }
        for (var i = 0; i < run.CardUids.Count; i++) environment[$"Reader__Simulated__CardUids__{i}"] = run.CardUids[i];
        foreach (var (key, value) in run.Settings) environment[key] = value;
        var box = new EdgeBox(Launch(name, Component.Edge, environment));
        await box.WaitUntilReadyAsync(run.Box.BoxId);
        return box;
    }

    /// <summary>
    /// Starts a cloud silo of a test's own (one it kills, or one with other settings); starting it
    /// again with the same settings restarts the same cloud. Its output joins the failure dump.
    /// </summary>
    public async Task<RunningProcess> StartCloudAsync(string name, CloudSettings settings)
    {
        var process = Launch(name, Component.Cloud, settings.Environment());
        await process.Log.WaitForLineAsync(line => line.Contains("CLOUD READY", StringComparison.Ordinal), "\"CLOUD READY\"", StartupPatience);
        return process;
    }

    /// <summary>
    /// Runs a test body; if it fails, everything the processes printed goes into the test's output,
    /// because a failure across four processes is rarely explained by the assertion alone.
    /// </summary>
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
            // The shared components, and what this test started (not every box of earlier tests).
            List<RunningProcess> printed;
            lock (processes) printed = [.. processes.Where((process, i) => i >= startedBefore || shared.Contains(process))];
            foreach (var process in printed) output.WriteLine(process.Log.Dump(lastLines: 400));
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        List<RunningProcess> running;
        lock (processes) running = [.. processes];
        foreach (var process in running) await process.DisposeAsync();
        await Mail.DisposeAsync();
        await FranceConnect.DisposeAsync();
        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task<Uri> StartSharedCloudAsync()
    {
        var settings = CloudSettings.Fresh(NewDataDirectory("cloud"),
            [TappingBox, ImpersonatedBox, KillLoopBox, SequencesBox, ReplayedBox, ImpostorBox, MalformedReadsBox, FallsSilentBox, BackloggedBox, WipedBox],
            SharedCloudSettings());
        var process = await StartCloudAsync("cloud", settings);
        lock (processes) shared.Add(process);
        return settings.Address;
    }

    /// <summary>
    /// The shared cloud's settings beyond its boxes: mail to the sink, links to the portal, PayFiP
    /// at the portal's sandbox gateway (the real protocol, served locally).
    /// </summary>
    private Dictionary<string, string> SharedCloudSettings()
    {
        var portalBase = portalAddress.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string>
        {
            ["Boxes__SilentAfterSeconds"] = SilentAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["Portal__PublicUrl"] = portalBase,
            ["PayFiP__SoapUrl"] = $"{portalBase}/bac-a-sable/payfip/tpa/services/securite",
            ["PayFiP__PaymentPageUrl"] = $"{portalBase}/bac-a-sable/payfip/tpa/paiementws.web",
        };
        foreach (var (key, value) in Mail.CloudSettings()) settings[key] = value;
        foreach (var (key, value) in FranceConnect.CloudSettings()) settings[key] = value;
        return settings;
    }

    private Dictionary<string, string> PortalSettings() => new(FranceConnect.PortalSettings())
    {
        ["PayFiP__Sandbox__Enabled"] = "true",
    };

    private async Task<Uri> StartWebAppAsync(string name, Component component, string firstPage, Dictionary<string, string> settings, Uri? at = null)
    {
        var cloudAddress = await CloudAsync();
        var address = at ?? new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        settings["Cloud__Address"] = cloudAddress.ToString().TrimEnd('/');
        var process = Launch(name, component, settings);
        lock (processes) shared.Add(process);
        await WaitUntilServingAsync(process, new Uri(address, firstPage));
        return address;
    }

    /// <summary>A web app says nothing agreed when it listens: ask its first page until it answers (a cross-process wait, with a deadline).</summary>
    private static async Task WaitUntilServingAsync(RunningProcess process, Uri page)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartupPatience;
        while (true)
        {
            if (process.Log.HasEnded) throw new ProcessEndedException($"{process.Log.Name} ended before serving {page}. Its output is in the test output.");
            try
            {
                using var response = await http.GetAsync(page);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new TimeoutException($"{process.Log.Name} did not serve {page} within {StartupPatience.TotalSeconds:0} s.", e);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private RunningProcess Launch(string name, Component component, IReadOnlyDictionary<string, string> environment)
    {
        var process = RunningProcess.Start(name, component, environment);
        lock (processes) processes.Add(process);
        return process;
    }
}

using System.Globalization;
using System.Security.Cryptography;
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
/// Reader boxes are started by the tests themselves, which kill and restart them.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(180);

    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), "cartevaloise-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<RunningProcess> processes = [];
    private readonly Lazy<Task<Uri>> cloud;
    private readonly Lazy<Task<Uri>> portal;
    private readonly Lazy<Task<Uri>> kiosk;

    public PlatformFixture()
    {
        cloud = new(StartCloudAsync);
        portal = new(() => StartWebAppAsync("portal", Component.Portal, "/Connexion", []));
        kiosk = new(() => StartWebAppAsync("kiosk", Component.Kiosk, "/", new() { ["Kiosk__IdleSeconds"] = "300" }));
    }

    /// <summary>The box whose taps the end-to-end test follows.</summary>
    public DemoBox TappingBox { get; } = DemoBox.ForCergySchool("e2e-cergy-e1-a");

    /// <summary>An enrolled box that the authorization tests impersonate with a wrong secret.</summary>
    public DemoBox ImpersonatedBox { get; } = DemoBox.ForCergySchool(ImpersonatedBoxId);

    public const string ImpersonatedBoxId = "e2e-cergy-e1-b";

    public Task<Uri> CloudAsync() => cloud.Value;

    public Task<Uri> PortalAsync() => portal.Value;

    public Task<Uri> KioskAsync() => kiosk.Value;

    public string NewDataDirectory(string purpose) => Directory.CreateDirectory(Path.Combine(dataRoot, purpose)).FullName;

    public async Task<EdgeBox> StartEdgeBoxAsync(string name, EdgeBoxRun run)
    {
        var cloudAddress = await CloudAsync();
        var environment = new Dictionary<string, string>
        {
            ["Box__Id"] = run.Box.BoxId,
            ["Box__Secret"] = run.Box.Secret,
            ["Box__CloudAddress"] = cloudAddress.ToString().TrimEnd('/'),
            ["Box__SchoolId"] = run.Box.SchoolId,
            ["Box__DataDirectory"] = run.DataDirectory,
            // A test taps two cards several times a second: each read is a tap of its own.
            ["Box__DebounceSeconds"] = "0",
            ["Reader__Kind"] = "Simulated",
            ["Reader__Simulated__TapsPerSecond"] = run.TapsPerSecond.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < run.CardUids.Count; i++) environment[$"Reader__Simulated__CardUids__{i}"] = run.CardUids[i];
        var box = new EdgeBox(Launch(name, Component.Edge, environment));
        await box.WaitUntilReadyAsync(run.Box.BoxId);
        return box;
    }

    /// <summary>
    /// Runs a test body; if it fails, everything the processes printed goes into the test's output,
    /// because a failure across four processes is rarely explained by the assertion alone.
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            List<RunningProcess> printed;
            lock (processes) printed = [.. processes];
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
        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task<Uri> StartCloudAsync()
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["DataDirectory"] = NewDataDirectory("cloud"),
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Identity__TokenSigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Demo__Seed"] = "true",
            // Every day is a canteen day, so that the tests pass on a Sunday too.
            ["Demo__CanteenDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
        };
        DemoBox[] boxes = [TappingBox, ImpersonatedBox];
        for (var i = 0; i < boxes.Length; i++)
        {
            environment[$"Demo__Boxes__{i}__BoxId"] = boxes[i].BoxId;
            environment[$"Demo__Boxes__{i}__SchoolId"] = boxes[i].SchoolId;
            environment[$"Demo__Boxes__{i}__Secret"] = boxes[i].Secret;
        }
        var process = Launch("cloud", Component.Cloud, environment);
        await process.Log.WaitForLineAsync(line => line.Contains("CLOUD READY", StringComparison.Ordinal), "\"CLOUD READY\"", StartupPatience);
        return address;
    }

    private async Task<Uri> StartWebAppAsync(string name, Component component, string firstPage, Dictionary<string, string> settings)
    {
        var cloudAddress = await CloudAsync();
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        settings["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        settings["Cloud__Address"] = cloudAddress.ToString().TrimEnd('/');
        var process = Launch(name, component, settings);
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

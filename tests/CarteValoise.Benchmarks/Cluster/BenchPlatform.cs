using System.Globalization;
using System.Security.Cryptography;
using CarteValoise.Benchmarks.EndToEnd;
using CarteValoise.Benchmarks.Processes;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// The cloud of one run, fresh: one silo on its own LiteDB directory, or, on PostgreSQL, a new
/// database migrated by `CarteValoise.Cloud migrate` and then the silos of one cluster on it —
/// silo-1 seeds the demo and enrols the run's boxes once the others have formed the cluster —
/// each answering 200 on GET /health (Health:Port) before the run begins.
/// </summary>
public sealed class BenchPlatform : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private BenchPlatform(IReadOnlyList<CloudSilo> silos, string? database)
    {
        Silos = silos;
        Database = database;
    }

    public IReadOnlyList<CloudSilo> Silos { get; }

    /// <summary>The run's database, or null on the embedded default.</summary>
    public string? Database { get; }

    /// <summary>The silos' addresses, the <paramref name="first"/>-th first: a box tries them in that order.</summary>
    public string AddressesStartingAt(int first) =>
        string.Join(',', Enumerable.Range(0, Silos.Count).Select(i => Silos[(first + i) % Silos.Count].AddressText));

    /// <summary>What the silos have spent so far, together.</summary>
    public ProcessCounters Counters() => Silos.Select(silo => silo.Counters()).Aggregate(ProcessCounters.None,
        (sum, one) => new ProcessCounters(sum.Cpu + one.Cpu, sum.WrittenBytes + one.WrittenBytes, sum.WriteCalls + one.WriteCalls));

    public bool AnyEnded => Silos.Any(silo => silo.HasEnded);

    public string Tails() => string.Join('\n', Silos.Where(silo => silo.HasEnded).Select(silo => silo.Tail()));

    public static async Task<BenchPlatform> StartAsync(ClusterSetup setup, BenchPostgres? postgres, string name, IReadOnlyList<BenchBox> boxes, string secret, BenchOptions options)
    {
        var directory = Path.Combine(options.WorkDirectory, name);
        var patience = TimeSpan.FromSeconds(options.CloudStartSeconds);
        if (!setup.OnPostgres)
        {
            var alone = await CloudSilo.StartAsync(options.CloudDll, Path.Combine(directory, "silo-1"), boxes, secret, $"{name}-silo-1", options.LogDirectory, patience);
            return new BenchPlatform([alone], null);
        }

        if (postgres is null) throw new InvalidOperationException($"{setup.Title} needs the benchmark's PostgreSQL.");
        var database = "bench_" + name.Replace('-', '_');
        var connectionString = postgres.ConnectionString(database);
        await MigrateAsync(options, connectionString, name, patience);

        var cluster = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = connectionString,
            ["Orleans__ClusterId"] = name,
            ["Orleans__ServiceId"] = "cartevaloise-bench",
            ["Orleans__AdvertisedIp"] = "127.0.0.1",
            // One key for every silo: a session opened through one is honoured by the others.
            ["Identity__TokenSigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        };
        var silos = new List<CloudSilo>();
        var healthPorts = new List<int>();
        try
        {
            // The others first, then the one that seeds the demo and enrols the boxes: seeded in a
            // whole cluster, the grains are placed on every silo, as in a cluster that has run a
            // while. Seeded before the others joined, they would all stay on the first silo, and
            // the others would only pass the boxes' calls on to it.
            var joining = Enumerable.Range(2, setup.Silos - 1).Select(n => StartSiloAsync(n, seeds: false)).ToList();
            try
            {
                await Task.WhenAll(joining);
            }
            finally
            {
                silos.AddRange(joining.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result));
            }
            silos.Insert(0, await StartSiloAsync(1, seeds: true));
            await Task.WhenAll(healthPorts.Select(port => HealthyAsync(port, patience)));
            return new BenchPlatform(silos, database);
        }
        catch
        {
            foreach (var silo in silos) silo.Dispose();
            throw;
        }

        Task<CloudSilo> StartSiloAsync(int number, bool seeds)
        {
            var settings = new Dictionary<string, string>(cluster);
            var healthPort = FreePort.Next();
            lock (healthPorts) healthPorts.Add(healthPort);
            settings["Health__Port"] = healthPort.ToString(CultureInfo.InvariantCulture);
            if (!seeds) settings["Demo__Seed"] = "false";
            return CloudSilo.StartAsync(options.CloudDll, Path.Combine(directory, $"silo-{number}"), boxes, secret, $"{name}-silo-{number}",
                options.LogDirectory, patience, settings);
        }
    }

    /// <summary>`CarteValoise.Cloud migrate` on the run's new database (it creates it): MIGRATED, then exit code 0.</summary>
    private static async Task MigrateAsync(BenchOptions options, string connectionString, string name, TimeSpan patience)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Kind"] = "Postgres",
            ["Storage__Postgres__ConnectionString"] = connectionString,
        };
        using var migrate = ChildProcess.Start($"{name}-migrate", options.CloudDll, ["migrate"], environment, Path.GetDirectoryName(options.CloudDll)!, options.LogDirectory);
        await migrate.WaitForLineAsync(line => line.StartsWith("MIGRATED ", StringComparison.Ordinal), "\"MIGRATED schema=…\"", patience);
        // Its output ends a moment before the process is reaped and its exit code known.
        if (await migrate.WaitForExitAsync(TimeSpan.FromSeconds(30))) migrate.WaitUntilGone(TimeSpan.FromSeconds(10));
        if (migrate.ExitCode != 0)
            throw new ChildProcessException($"migrate printed MIGRATED but ended with exit code {migrate.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}.\n{migrate.Tail()}");
    }

    /// <summary>Waits for 200 on GET /health: the silo is active in the cluster.</summary>
    private static async Task HealthyAsync(int port, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Http.GetAsync($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/health");
                if (response.IsSuccessStatusCode) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }
            // A health endpoint has no signal to wait on but its answer: ask again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException($"GET http://127.0.0.1:{port}/health did not answer 200 within {patience.TotalSeconds:0} s (last: {last}).");
    }

    public void Dispose()
    {
        foreach (var silo in Silos) silo.Dispose();
    }
}

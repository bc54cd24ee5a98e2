using System.Globalization;
using System.Security.Cryptography;
using CarteValoise.Benchmarks.Processes;

namespace CarteValoise.Benchmarks.EndToEnd;

/// <summary>
/// The real cloud program on the embedded default (LiteDB grain storage in a data directory of
/// the benchmark's), with the demo département seeded and every benchmark box enrolled under one
/// shared secret. Every day is a canteen day, so the figures do not depend on the weekday.
/// Settings given by the caller come last and win: PostgreSQL storage, a cluster's shared key, a
/// silo that leaves the seeding to another.
/// </summary>
public sealed class CloudSilo : IDisposable
{
    private readonly ChildProcess _process;

    public Uri Address { get; }
    public string DataDirectory { get; }

    private CloudSilo(ChildProcess process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public string AddressText => Address.ToString().TrimEnd('/');

    public static async Task<CloudSilo> StartAsync(string dll, string dataDirectory, IReadOnlyList<BenchBox> boxes, string secret, string name, string logDirectory, TimeSpan patience,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"The cloud program is not built: {dll} (dotnet build cloud/CarteValoise.Cloud -c Release).");
        Directory.CreateDirectory(dataDirectory);
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["DataDirectory"] = dataDirectory,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Identity__TokenSigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Demo__Seed"] = "true",
            ["Demo__CanteenDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
        };
        for (var i = 0; i < boxes.Count; i++)
        {
            environment[$"Demo__Boxes__{i}__BoxId"] = boxes[i].BoxId;
            environment[$"Demo__Boxes__{i}__SchoolId"] = boxes[i].SchoolId;
            environment[$"Demo__Boxes__{i}__Secret"] = secret;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        // Started from its own folder, as deployed: its appsettings.json (log levels…) is read from there.
        var process = ChildProcess.Start(name, dll, [], environment, Path.GetDirectoryName(dll)!, logDirectory);
        try
        {
            await process.WaitForLineAsync(line => line.Contains("CLOUD READY", StringComparison.Ordinal), "\"CLOUD READY\"", patience);
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new CloudSilo(process, address, dataDirectory);
    }

    public bool HasEnded => _process.HasEnded;

    public string Tail() => _process.Tail();

    public ProcessCounters Counters() => _process.Counters();

    public void Dispose() => _process.Dispose();
}

using System.Globalization;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// One place of the cluster: the ports a silo takes there (gRPC, Orleans silo and gateway, health)
/// and its settings. A replacement of a killed silo takes the same place, as a restarted machine
/// keeps its address: the boxes' list of silos stays right. The ports are out of the range outgoing
/// connections take (<see cref="ReusablePorts"/>), so that they are still free for the replacement.
/// </summary>
public sealed record SiloSlot(string Name, CloudSettings Settings, int HealthPort)
{
    public Uri Address => Settings.Address;

    public Uri Health => new($"http://127.0.0.1:{HealthPort.ToString(CultureInfo.InvariantCulture)}/health");

    /// <summary>The cluster's shared settings plus this place's ports; the demo is seeded by the first silo only.</summary>
    public static SiloSlot Create(string name, string dataDirectory, string signingKey, IReadOnlyList<DemoBox> boxes, IReadOnlyDictionary<string, string> shared)
    {
        var healthPort = ReusablePorts.Next();
        var settings = new Dictionary<string, string>(shared) { ["Health__Port"] = healthPort.ToString(CultureInfo.InvariantCulture) };
        return new SiloSlot(name,
            new CloudSettings(dataDirectory, ReusablePorts.Next(), ReusablePorts.Next(), ReusablePorts.Next(), signingKey, boxes, settings),
            healthPort);
    }

    /// <summary>The environment of a silo started here; a replacement does not seed again.</summary>
    public IReadOnlyDictionary<string, string> Environment(bool seed) =>
        new Dictionary<string, string>(Settings.Environment()) { ["Demo__Seed"] = seed ? "true" : "false" };
}

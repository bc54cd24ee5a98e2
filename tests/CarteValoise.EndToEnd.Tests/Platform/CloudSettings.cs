using System.Globalization;
using System.Security.Cryptography;
using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Platform;

/// <summary>
/// How a cloud silo is started: its data directory, its ports, its signing key, the boxes its demo
/// seed enrols and any other setting. Starting it again with the same settings is a restart of the
/// same cloud: same disk, same address, same tokens.
/// </summary>
public sealed record CloudSettings(
    string DataDirectory,
    int HttpPort,
    int SiloPort,
    int GatewayPort,
    string SigningKey,
    IReadOnlyList<DemoBox> Boxes,
    IReadOnlyDictionary<string, string> Settings)
{
    public static CloudSettings Fresh(string dataDirectory, IReadOnlyList<DemoBox> boxes, IReadOnlyDictionary<string, string>? settings = null) =>
        new(dataDirectory, FreePorts.Next(), FreePorts.Next(), FreePorts.Next(),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), boxes, settings ?? new Dictionary<string, string>());

    public Uri Address => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");

    public IReadOnlyDictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
            ["DataDirectory"] = DataDirectory,
            ["Orleans__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Identity__TokenSigningKey"] = SigningKey,
            ["Demo__Seed"] = "true",
            // Every day is a canteen day, so that the tests pass on a Sunday too.
            ["Demo__CanteenDays"] = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
        };
        for (var i = 0; i < Boxes.Count; i++)
        {
            environment[$"Demo__Boxes__{i}__BoxId"] = Boxes[i].BoxId;
            environment[$"Demo__Boxes__{i}__SchoolId"] = Boxes[i].SchoolId;
            environment[$"Demo__Boxes__{i}__Secret"] = Boxes[i].Secret;
        }
        foreach (var (key, value) in Settings) environment[key] = value;
        return environment;
    }
}

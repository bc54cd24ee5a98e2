using System.Globalization;
using System.Security.Cryptography;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>
/// One silo of a PostgreSQL cluster as an operator configures it: its ports (gRPC, health, silo,
/// gateway), its data folder, the cluster's database and signing key. The same settings started
/// again are a restart of the same silo.
/// </summary>
internal sealed record SiloSettings(string ConnectionString, int GrpcPort, int HealthPort, int SiloPort, int GatewayPort, string DataDirectory, string SigningKey)
{
    public static SiloSettings For(string connectionString) => new(
        connectionString, FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), FreePorts.Next(),
        Path.Combine(Path.GetTempPath(), "carte-cluster-tests", Guid.NewGuid().ToString("N")),
        Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));

    public Uri GrpcAddress => new($"http://127.0.0.1:{Text(GrpcPort)}");

    public Uri HealthAddress => new($"http://127.0.0.1:{Text(HealthPort)}");

    /// <summary>What `migrate` needs: the database, nothing else.</summary>
    public static IReadOnlyDictionary<string, string> Migration(string connectionString) => new Dictionary<string, string>
    {
        ["Storage__Kind"] = "Postgres",
        ["Storage__Postgres__ConnectionString"] = connectionString,
    };

    public IReadOnlyDictionary<string, string> Environment(bool seedDemo) => new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = GrpcAddress.ToString().TrimEnd('/'),
        ["DataDirectory"] = DataDirectory,
        ["Storage__Kind"] = "Postgres",
        ["Storage__Postgres__ConnectionString"] = ConnectionString,
        ["Orleans__ClusterId"] = "cartevaloise-test",
        ["Orleans__ServiceId"] = "cartevaloise-test",
        ["Orleans__AdvertisedIp"] = "127.0.0.1",
        ["Orleans__SiloPort"] = Text(SiloPort),
        ["Orleans__GatewayPort"] = Text(GatewayPort),
        ["Health__Port"] = Text(HealthPort),
        ["Identity__TokenSigningKey"] = SigningKey,
        ["Demo__Seed"] = seedDemo ? "true" : "false",
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Security.Cryptography;

/// <summary>
/// The cluster profile: the machine's own PostgreSQL (no Docker), `CarteValoise.Cloud migrate`
/// run to its end, then three silos of one Orleans cluster on it, each on ports of its own, and
/// the portal, the kiosk and the two demo boxes given the three silos' addresses.
/// </summary>
internal static class ClusterPlatform
{
    public const int PostgresPort = 54320;
    private const int Silos = 3;
    private const string ClusterId = "cartevaloise";
    private const string ServiceId = "cartevaloise";

    private static int GrpcPort(int silo) => 5100 + silo;
    private static int SiloPort(int silo) => 11111 + silo;
    private static int GatewayPort(int silo) => 30000 + silo;
    private static int HealthPort(int silo) => 5110 + silo;

    public static void Add(IDistributedApplicationBuilder builder, string dataRoot, IReadOnlyList<DemoBox> demoBoxes)
    {
        // Three pools of 50 stay under the server's max_connections (200, tests/postgres.sh) with
        // room for migrate and psql; Npgsql's default of 100 per silo would not.
        var connectionString = $"Host=127.0.0.1;Port={PostgresPort};Username={ClusterPostgres.Role};Database={ClusterPostgres.Database};Maximum Pool Size=50";
        var postgres = ClusterPostgres.Add(builder, Path.Combine(dataRoot, "postgres"), connectionString);

        // The schema is applied once, before any silo: a silo refuses to start on another version.
        var migrate = builder.AddProject<Projects.CarteValoise_Cloud>("migrate", launchProfileName: null)
            .WithArgs("migrate")
            .WithEnvironment("Storage__Kind", "Postgres")
            .WithEnvironment("Storage__Postgres__ConnectionString", connectionString)
            .WaitFor(postgres);

        // One key for the three silos, made at each start like the boxes' secrets: a session
        // opened through one silo is honoured by the others.
        var tokenSigningKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        // One document key too, but kept with the cluster's data: the documents in PostgreSQL must
        // stay readable by every silo, and after a restart.
        var documentKeyFile = Path.Combine(dataRoot, "cluster", "document-safe.key");
        if (!File.Exists(documentKeyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(documentKeyFile)!);
            File.WriteAllText(documentKeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        var documentKey = File.ReadAllText(documentKeyFile).Trim();
        var silos = new List<IResourceBuilder<ProjectResource>>();
        for (var i = 0; i < Silos; i++)
        {
            var dashboard = $"http://127.0.0.1:{HealthPort(i)}/dashboard";
            var silo = builder.AddProject<Projects.CarteValoise_Cloud>($"silo-{i + 1}", launchProfileName: null)
                // Fixed ports, not proxied: the clients' address lists name the silos themselves,
                // so that stopping one in the dashboard is the loss of that silo.
                .WithHttpEndpoint(port: GrpcPort(i), name: "http", isProxied: false)
                .WithHttpEndpoint(port: HealthPort(i), name: "health", isProxied: false)
                // The health endpoint is the silo's own second listener (Health:Port, HTTP/1.1);
                // ASPNETCORE_URLS names the gRPC one only.
                .WithEndpointsInEnvironment(endpoint => endpoint.Name != "health")
                .WithHttpHealthCheck("/health", endpointName: "health")
                .WithUrls(urls => urls.Urls.Add(new() { Url = dashboard, DisplayText = "Orleans dashboard" }))
                .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
                .WithEnvironment("DataDirectory", Path.Combine(dataRoot, "cluster", $"silo-{i + 1}"))
                .WithEnvironment("Storage__Kind", "Postgres")
                .WithEnvironment("Storage__Postgres__ConnectionString", connectionString)
                .WithEnvironment("Orleans__ClusterId", ClusterId)
                .WithEnvironment("Orleans__ServiceId", ServiceId)
                .WithEnvironment("Orleans__SiloPort", Text(SiloPort(i)))
                .WithEnvironment("Orleans__GatewayPort", Text(GatewayPort(i)))
                .WithEnvironment("Orleans__AdvertisedIp", "127.0.0.1")
                .WithEnvironment("Health__Port", Text(HealthPort(i)))
                .WithEnvironment("Identity__TokenSigningKey", tokenSigningKey)
                .WithEnvironment("DocumentSafe__Key", documentKey)
                .WaitForCompletion(migrate);
            silos.Add(silo);
        }

        // One silo seeds the demo (idempotent, as at every start of the default) and enrols the
        // boxes: the other two would only write the same values at the same time.
        var seeder = silos[0].WithEnvironment("Demo__Seed", "true");
        for (var i = 0; i < demoBoxes.Count; i++)
        {
            seeder.WithEnvironment($"Demo__Boxes__{i}__BoxId", demoBoxes[i].Id)
                .WithEnvironment($"Demo__Boxes__{i}__SchoolId", demoBoxes[i].SchoolId)
                .WithEnvironment($"Demo__Boxes__{i}__Secret", demoBoxes[i].Secret);
        }

        var addresses = string.Join(',', Enumerable.Range(0, Silos).Select(i => $"http://127.0.0.1:{GrpcPort(i)}"));

        var portal = builder.AddProject<Projects.CarteValoise_Portal>("portal")
            .WithEnvironment("Cloud__Address", addresses)
            .WithExternalHttpEndpoints();
        CitizenSpace.Wire(portal, silos);
        var kiosk = builder.AddProject<Projects.CarteValoise_Kiosk>("kiosk")
            .WithEnvironment("Cloud__Address", addresses)
            .WithExternalHttpEndpoints();
        var clients = new List<IResourceBuilder<ProjectResource>> { portal, kiosk };

        foreach (var box in demoBoxes)
        {
            clients.Add(builder.AddProject<Projects.CarteValoise_Edge>(box.Id)
                .WithEnvironment("Box__Id", box.Id)
                .WithEnvironment("Box__Secret", box.Secret)
                .WithEnvironment("Box__SchoolId", box.SchoolId)
                .WithEnvironment("Box__CloudAddress", addresses)
                // Apart from the default's boxes: their sequence numbers belong to the other cloud.
                .WithEnvironment("Box__DataDirectory", Path.Combine(dataRoot, "cluster", box.Id))
                .WithEnvironment("Reader__Kind", "Simulated")
                .WithEnvironment("Reader__Simulated__TapsPerSecond", "0.5"));
        }

        // The clients start once every silo answers its health check, so that the demo begins on
        // the whole cluster; afterwards any one silo may go and they carry on with the others.
        foreach (var client in clients)
            foreach (var silo in silos)
                client.WaitFor(silo);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

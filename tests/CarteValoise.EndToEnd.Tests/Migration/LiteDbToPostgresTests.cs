using CarteValoise.EndToEnd.Tests.Cluster;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Processes;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Migration;

/// <summary>
/// A deployment moved from the embedded default to PostgreSQL: a silo on LiteDB with the demo and a
/// box's taps, stopped; `export`; a fresh database, `migrate`; `import`; a silo on PostgreSQL (with
/// an empty data directory) shows the agent the same families, balances, meal counts and durable
/// taps. And what must be refused: an import over states already there, a file with one byte
/// changed, an export while the silo runs. These tests run clouds of their own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LiteDbToPostgresTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Reason = "vérification du passage à PostgreSQL";

    private readonly DemoBox box = DemoBox.ForCergySchool("e2e-migration");

    /// <summary>Four children of Cergy families 1 to 3, all at school E1 where the box is.</summary>
    private static readonly string[] Cards = [Demo.CergyCard(1, 1), Demo.CergyCard(1, 2), Demo.CergyCard(2, 1), Demo.CergyCard(3, 1)];

    [Fact]
    public Task A_deployment_moved_from_LiteDB_to_PostgreSQL_shows_the_same_balances_meal_counts_and_taps() => platform.RunAsync(output, async () =>
    {
        var postgres = TestPostgres.FromEnvironment();
        var database = await postgres.CreateDatabaseAsync("migration");
        RunningProcess? postgresCloud = null;
        try
        {
            // The embedded default: the demo, and a box whose taps are acknowledged (durable in the cloud).
            var lite = CloudSettings.Fresh(platform.NewDataDirectory("migration-litedb"), [box]);
            var liteCloud = await platform.StartCloudAsync("cloud on LiteDB", lite);
            var day = FamilyTaps.ParisDay(DateTimeOffset.UtcNow);
            CergyView before;
            using (var cloud = new CloudApi(lite.Address))
            {
                var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
                var untapped = await CergyView.ReadAsync(cloud, agent, day, box.BoxId);
                var run = await platform.StartEdgeBoxAsync("box on LiteDB",
                    new EdgeBoxRun(box, platform.NewDataDirectory("migration-box"), Cards, TapsPerSecond: 8), lite.Address);
                // The box refuses cards until the cloud has sent it the school's roster: each card is tapped until it is served.
                foreach (var card in Cards) await run.WaitForTapAsync(t => t.CardUid == card && t.Decision == "Accepted", $"serving {card}");
                await run.WaitForAckAsync(run.Taps.Max(t => t.Sequence));
                await run.Process.DisposeAsync();

                before = await CergyView.ReadAsync(cloud, agent, day, box.BoxId);
                output.WriteLine($"Before the move: {before.DurableThrough} taps durable, {before.MealsAt(Demo.CergySchool)} meals at {Demo.CergySchool}, balances {before.BalancesCents} c.");
                // Each child's first tap of the day is their meal, charged to their family's prepaid balance.
                Assert.Equal(untapped.MealsAt(Demo.CergySchool) + Cards.Length, before.MealsAt(Demo.CergySchool));
                Assert.True(before.DurableThrough >= Cards.Length, $"Only {before.DurableThrough} taps durable.");
                foreach (var family in new[] { Demo.CergyFamilyNumbered(1), Demo.CergyFamilyNumbered(2), Demo.CergyFamilyNumbered(3) })
                    Assert.True(before.Families[family].BalanceCents < untapped.Families[family].BalanceCents,
                        $"{family}'s balance did not go down with its meals: {untapped.Families[family].BalanceCents} c, then {before.Families[family].BalanceCents} c.");
            }
            await SiloStop.GracefullyAsync(liteCloud);

            var exportFile = Path.Combine(platform.NewDataDirectory("migration-export"), "cartevaloise.export");
            var exported = await CloudCommands.RunAsync(["export", "--to", exportFile], new Dictionary<string, string> { ["DataDirectory"] = lite.DataDirectory });
            output.WriteLine(exported.ToString());
            Assert.True(exported.ExitCode == 0, exported.ToString());
            var exportedCounts = CloudCommands.Counts(exported);
            Assert.Equal(exportedCounts.Values.Sum(), CloudCommands.Number(CloudCommands.Line(exported, "EXPORTED"), "records"));
            // The demo's three communes of 12 families with two children each, and the box that tapped.
            Assert.Equal((36, 72, 72, 3, 1), (exportedCounts["family"], exportedCounts["child"], exportedCounts["card"], exportedCounts["commune"], exportedCounts["device"]));

            var connectionString = postgres.ConnectionString(database);
            var migrated = await CloudCommands.RunAsync(["migrate"], CloudCommands.Postgres(connectionString));
            Assert.True(migrated.ExitCode == 0, migrated.ToString());

            var imported = await CloudCommands.RunAsync(["import", "--from", exportFile], CloudCommands.Postgres(connectionString));
            output.WriteLine(imported.ToString());
            Assert.True(imported.ExitCode == 0, imported.ToString());
            Assert.Equal(CloudCommands.Line(exported, "EXPORTED")["records"], CloudCommands.Line(imported, "IMPORTED")["records"]);
            Assert.Equal(exportedCounts, CloudCommands.Counts(imported));
            var exportedBalances = CloudCommands.Line(exported, "BALANCES");
            var importedBalances = CloudCommands.Line(imported, "BALANCES");
            Assert.Equal((exportedBalances["families"], exportedBalances["cents"], exportedBalances["cents"]),
                (importedBalances["families"], importedBalances["file_cents"], importedBalances["postgres_cents"]));

            // A second import onto states already there is refused whole.
            var stored = await StorageDigestAsync(postgres, database);
            var again = await CloudCommands.RunAsync(["import", "--from", exportFile], CloudCommands.Postgres(connectionString));
            Assert.Equal(6, again.ExitCode);
            Assert.Empty(again.StandardOutput);
            Assert.StartsWith(
                $"PostgreSQL (Host=127.0.0.1;Port={ConnectionPort(connectionString)};Database={database}, ServiceId=cartevaloise) contient déjà {CloudCommands.Line(imported, "IMPORTED")["records"]} état(s) de grain : rien n'a été écrit. " +
                "Relancez avec --replace pour les remplacer tous par ceux du fichier.",
                string.Join(Environment.NewLine, again.StandardError));
            Assert.Equal(stored, await StorageDigestAsync(postgres, database));

            // The same platform on PostgreSQL, on a machine without the LiteDB file, seeding nothing.
            var moved = lite with
            {
                DataDirectory = platform.NewDataDirectory("migration-postgres"),
                Settings = new Dictionary<string, string>(CloudCommands.Postgres(connectionString)) { ["Demo__Seed"] = "false" },
            };
            postgresCloud = await platform.StartCloudAsync("cloud on PostgreSQL", moved);
            using (var cloud = new CloudApi(moved.Address))
            {
                var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
                var after = await CergyView.ReadAsync(cloud, agent, day, box.BoxId);
                foreach (var (familyId, family) in before.Families) Assert.Equal(family, after.Families[familyId]);
                Assert.Equal(before.Meals, after.Meals);
                Assert.Equal(before.DurableThrough, after.DurableThrough);
            }
        }
        finally
        {
            if (postgresCloud is not null) await postgresCloud.DisposeAsync();
            await postgres.DropDatabaseAsync(database);
        }
    });

    [Fact]
    public Task An_export_is_refused_while_the_silo_runs_and_a_file_with_one_byte_changed_is_refused_before_anything_is_written() => platform.RunAsync(output, async () =>
    {
        var postgres = TestPostgres.FromEnvironment();
        var database = await postgres.CreateDatabaseAsync("migration_corrupt");
        try
        {
            var lite = CloudSettings.Fresh(platform.NewDataDirectory("corrupt-litedb"), []);
            var liteCloud = await platform.StartCloudAsync("cloud on LiteDB, to corrupt", lite);
            var exportFile = Path.Combine(platform.NewDataDirectory("corrupt-export"), "cartevaloise.export");
            var export = new Dictionary<string, string> { ["DataDirectory"] = lite.DataDirectory };

            var whileRunning = await CloudCommands.RunAsync(["export", "--to", exportFile], export);
            Assert.Equal(7, whileRunning.ExitCode);
            Assert.StartsWith(
                $"Le fichier « {Path.Combine(lite.DataDirectory, "carte-grains.db")} » est ouvert par un autre processus (un silo en marche ?) : arrêtez le silo avant d'exporter.",
                string.Join(Environment.NewLine, whileRunning.StandardError));
            Assert.False(File.Exists(exportFile), "A refused export left a file behind.");

            await SiloStop.GracefullyAsync(liteCloud);
            var exported = await CloudCommands.RunAsync(["export", "--to", exportFile], export);
            Assert.True(exported.ExitCode == 0, exported.ToString());

            // One bit of one byte in the middle of the file, where the states are.
            var bytes = await File.ReadAllBytesAsync(exportFile);
            bytes[bytes.Length / 2] ^= 0x01;
            await File.WriteAllBytesAsync(exportFile, bytes);

            var connectionString = postgres.ConnectionString(database);
            var migrated = await CloudCommands.RunAsync(["migrate"], CloudCommands.Postgres(connectionString));
            Assert.True(migrated.ExitCode == 0, migrated.ToString());
            // --replace, so that only the file's own check stands between it and the database.
            var imported = await CloudCommands.RunAsync(["import", "--from", exportFile, "--replace"], CloudCommands.Postgres(connectionString));

            Assert.Equal(5, imported.ExitCode);
            Assert.Empty(imported.StandardOutput);
            var error = Assert.Single(imported.StandardError);
            Assert.StartsWith($"Le fichier d'export « {exportFile} » est corrompu : sa somme SHA-256 ne correspond pas à son contenu (annoncée ", error);
            Assert.EndsWith("). Rien n'a été écrit.", error);
            Assert.Equal("0", await postgres.SqlAsync(database, "SELECT count(*) FROM orleansstorage"));
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    });

    /// <summary>Every row of Orleans' grain storage table, summed up: equal digests, equal rows.</summary>
    private static Task<string> StorageDigestAsync(TestPostgres postgres, string database) =>
        postgres.SqlAsync(database,
            "SELECT count(*) || ' ' || coalesce(md5(string_agg(concat_ws('|', serviceid, graintypestring, grainidextensionstring, grainidn0, grainidn1, version, md5(payloadbinary)), ',' " +
            "ORDER BY serviceid, graintypestring, grainidextensionstring, grainidn0, grainidn1)), '') FROM orleansstorage");

    private static string ConnectionPort(string connectionString) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)).Single(pair => pair[0].Equals("Port", StringComparison.OrdinalIgnoreCase))[1];
}

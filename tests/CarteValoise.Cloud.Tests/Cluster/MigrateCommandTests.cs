using Xunit;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>`CarteValoise.Cloud migrate` against a real PostgreSQL server, as an operator runs it.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_creates_the_database_applies_orleans_and_our_schema_and_a_second_run_changes_nothing()
    {
        await using var database = TestDatabase.Named();

        var first = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");
        var second = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");

        Assert.True(first.ExitCode == 0, first.Dump());
        Assert.Equal(
            [
                $"Base « {database.Name} » créée. / Database \"{database.Name}\" created.",
                "Scripts Orleans appliqués : Main, Clustering, Persistence, Reminders. / Orleans scripts applied: Main, Clustering, Persistence, Reminders.",
                "MIGRATED schema=2",
            ],
            first.StandardOutput);
        Assert.True(second.ExitCode == 0, second.Dump());
        Assert.Equal(["Scripts Orleans déjà appliqués. / Orleans scripts already applied.", "MIGRATED schema=2"], second.StandardOutput);
        Assert.Equal([1, 2], await database.ColumnAsync<int>("SELECT version FROM carte_schema_version ORDER BY version"));
        Assert.Equal(["carte_document_content", "carte_schema_version"], await database.ColumnAsync<string>(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'carte%' ORDER BY table_name"));
        Assert.Equal(
            ["orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage"],
            await database.ColumnAsync<string>(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'orleans%' ORDER BY table_name"));
    }

    [Fact]
    public async Task Migrate_leaves_a_newer_schema_alone_and_says_so()
    {
        await using var database = TestDatabase.Named();
        var migrated = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Dump());
        await database.ExecuteAsync("INSERT INTO carte_schema_version (version, applied_at) VALUES (3, now())");

        var again = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");

        Assert.Equal(3, again.ExitCode);
        Assert.Equal(
            ["Le schéma PostgreSQL est à la version 3, plus récente que celle de ce programme (2) : rien n'a été changé ; utilisez la version de CarteValoise qui l'a appliqué. / " +
             "PostgreSQL schema is at version 3, newer than this program's (2): nothing was changed; use the CarteValoise release that applied it."],
            again.StandardError);
        Assert.DoesNotContain("MIGRATED schema=2", again.StandardOutput);
    }

    [Fact]
    public async Task Migrate_brings_a_schema_of_version_1_to_version_2_with_the_document_safe_table()
    {
        await using var database = TestDatabase.Named();
        await database.MigratedToVersion1Async();

        var migrate = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");

        Assert.True(migrate.ExitCode == 0, migrate.Dump());
        Assert.Equal(["Scripts Orleans déjà appliqués. / Orleans scripts already applied.", "MIGRATED schema=2"], migrate.StandardOutput);
        Assert.Equal([1, 2], await database.ColumnAsync<int>("SELECT version FROM carte_schema_version ORDER BY version"));
        Assert.Equal(["content_id text", "sealed bytea", "stored_at timestamp with time zone"], await database.ColumnAsync<string>(
            "SELECT column_name || ' ' || data_type FROM information_schema.columns WHERE table_name = 'carte_document_content' ORDER BY ordinal_position"));
    }

    [Fact]
    public async Task Migrate_without_a_reachable_server_exits_4_naming_the_server()
    {
        var nobody = FreePorts.Next();

        var migrate = await CloudProcess.RunAsync(
            SiloSettings.Migration($"Host=127.0.0.1;Port={nobody};Username=postgres;Database=cartevaloise;Timeout=5"), "migrate");

        Assert.Equal(4, migrate.ExitCode);
        var error = Assert.Single(migrate.StandardError);
        Assert.StartsWith($"PostgreSQL injoignable (Host=127.0.0.1;Port={nobody};Database=cartevaloise) : ", error);
        Assert.Contains($" / PostgreSQL unreachable (Host=127.0.0.1;Port={nobody};Database=cartevaloise): ", error);
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_exits_2_naming_the_key()
    {
        var migrate = await CloudProcess.RunAsync(new Dictionary<string, string> { ["Storage__Kind"] = "Postgres" }, "migrate");

        Assert.Equal(2, migrate.ExitCode);
        Assert.Equal(
            ["Storage:Postgres:ConnectionString manque : donnez la chaîne de connexion PostgreSQL (Host=…;Port=…;Username=…;Password=…;Database=…). / " +
             "Storage:Postgres:ConnectionString is missing: give the PostgreSQL connection string."],
            migrate.StandardError);
    }
}

using Xunit;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>A silo in Postgres mode starts only on the schema it was built for, and says why not.</summary>
public sealed class SchemaVersionCheckTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_silo_on_a_database_never_migrated_refuses_to_start_with_exit_code_3()
    {
        await using var database = TestDatabase.Named();
        await database.CreateEmptyAsync();

        await AssertRefusedAsync(database, found: 0);
    }

    [Fact]
    public async Task A_silo_on_a_schema_newer_than_its_own_refuses_to_start_with_exit_code_3()
    {
        await using var database = TestDatabase.Named();
        var migrated = await CloudProcess.RunAsync(SiloSettings.Migration(database.ConnectionString), "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Dump());
        await database.ExecuteAsync("INSERT INTO carte_schema_version (version, applied_at) VALUES (3, now())");

        await AssertRefusedAsync(database, found: 3);
    }

    [Fact]
    public async Task A_silo_on_a_schema_of_version_1_refuses_to_start_until_migrate_adds_the_document_safe()
    {
        await using var database = TestDatabase.Named();
        await database.MigratedToVersion1Async();

        await AssertRefusedAsync(database, found: 1);
    }

    [Fact]
    public async Task A_silo_whose_database_is_unreachable_exits_4_naming_the_server()
    {
        var nobody = FreePorts.Next();
        var settings = SiloSettings.For($"Host=127.0.0.1;Port={nobody};Username=postgres;Database=cartevaloise;Timeout=5");
        await using var silo = CloudProcess.Start(settings.Environment(seedDemo: false));

        await silo.WaitForExitAsync(Patience);

        Assert.Equal(4, silo.ExitCode);
        var error = Assert.Single(silo.StandardError);
        Assert.StartsWith($"PostgreSQL injoignable (Host=127.0.0.1;Port={nobody};Database=cartevaloise) : ", error);
        Assert.DoesNotContain(silo.StandardOutput, line => line.StartsWith("CLOUD READY", StringComparison.Ordinal));
    }

    private static async Task AssertRefusedAsync(TestDatabase database, int found)
    {
        await using var silo = CloudProcess.Start(SiloSettings.For(database.ConnectionString).Environment(seedDemo: false));

        await silo.WaitForExitAsync(Patience);

        Assert.True(silo.ExitCode == 3, silo.Dump());
        // One line, both languages, and no stack trace.
        Assert.Equal(
            [$"Le schéma PostgreSQL est à la version {found}, ce silo attend la version 2 : lancez `CarteValoise.Cloud migrate`. / " +
             $"PostgreSQL schema is at version {found}, this silo expects 2: run `CarteValoise.Cloud migrate`."],
            silo.StandardError);
        Assert.DoesNotContain(silo.StandardOutput, line => line.StartsWith("CLOUD READY", StringComparison.Ordinal));
    }
}

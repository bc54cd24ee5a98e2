using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CarteValoise.EndToEnd.Tests.Processes;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// A silo pointed at a database whose schema is of another version than the one it was built for
/// (a database migrated by an older or newer release) refuses to start: exit code 3, and a message
/// naming both versions and the command that migrates. It must not serve on a schema it does not know.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class SchemaVersionTests(ClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_silo_on_a_schema_of_another_version_exits_with_code_3_naming_both_versions_and_migrate()
    {
        var database = await cluster.CreateDatabaseAsync("schema");
        var expected = await cluster.MigrateAsync(database);
        // Far from any real version, so that the number read in the message can only be this one.
        var recorded = expected + 4100;
        // One row per applied version: the newest row becomes the foreign version.
        await cluster.Postgres.SqlAsync(database,
            $"UPDATE carte_schema_version SET version = {recorded.ToString(CultureInfo.InvariantCulture)} WHERE version = {expected.ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal(recorded.ToString(CultureInfo.InvariantCulture), await cluster.Postgres.SqlAsync(database, "SELECT max(version) FROM carte_schema_version"));

        var silo = SiloSlot.Create("silo-wrong-schema", cluster.NewDataDirectory("silo-wrong-schema"),
            Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), [],
            new Dictionary<string, string>(cluster.StorageEnvironment(database)) { ["Orleans__ClusterId"] = "cv-e2e-schema", ["Orleans__ServiceId"] = "cv-e2e-schema" });
        var result = await ComponentCommand.RunAsync(Component.Cloud, [], silo.Environment(seed: false), TimeSpan.FromSeconds(120));
        output.WriteLine(result.ToString());

        Assert.Equal(3, result.ExitCode);
        Assert.DoesNotContain(result.StandardOutput, line => line.Contains("CLOUD READY", StringComparison.Ordinal));
        var stderr = string.Join('\n', result.StandardError);
        Assert.Contains(result.StandardError, line => Numbers(line).Contains(recorded) && Numbers(line).Contains(expected));
        Assert.Contains("migrate", stderr, StringComparison.Ordinal);
    }

    private static List<int> Numbers(string line) =>
        [.. Number().Matches(line).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"(?<![\d.])\d{1,9}(?![\d.])")]
    private static partial Regex Number();
}

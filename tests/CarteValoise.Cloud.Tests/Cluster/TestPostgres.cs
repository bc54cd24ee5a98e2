using System.Security.Cryptography;
using Npgsql;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>
/// A database of its own for one test, on the PostgreSQL server that tests/run.sh starts (its admin
/// connection string in CARTEVALOISE_TEST_POSTGRES). Not created here: `migrate` creates it, as it
/// would in a deployment. Dropped afterwards, whoever is still connected.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private const string ServerVariable = "CARTEVALOISE_TEST_POSTGRES";

    private TestDatabase(string adminConnectionString, string name)
    {
        AdminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private string AdminConnectionString { get; }

    public static TestDatabase Named()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{ServerVariable} is not set: these tests need a PostgreSQL server. Run tests/run.sh, or start PostgreSQL with " +
                $"tests/postgres.sh and set {ServerVariable} (export {ServerVariable}=$(tests/postgres.sh start /tmp/pg 55432)).");
        return new TestDatabase(server, $"carte_test_{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}");
    }

    /// <summary>An empty database: what an operator has before running `migrate`.</summary>
    public async Task CreateEmptyAsync()
    {
        await using var connection = await OpenAsync(AdminConnectionString);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A database as a release of schema version 1 left it: migrated by this build, then the steps
    /// after version 1 taken back (today: the document safe's table).
    /// </summary>
    public async Task MigratedToVersion1Async()
    {
        var migrated = await CloudProcess.RunAsync(SiloSettings.Migration(ConnectionString), "migrate");
        if (migrated.ExitCode != 0) throw new InvalidOperationException($"migrate failed: {migrated.Dump()}");
        await ExecuteAsync("DROP TABLE carte_document_content; DELETE FROM carte_schema_version WHERE version > 1");
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync(ConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = await OpenAsync(ConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = await OpenAsync(AdminConnectionString);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        // Unpooled: a pooled connection left open would hold the database against DROP.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}

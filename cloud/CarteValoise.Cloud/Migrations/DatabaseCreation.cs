using CarteValoise.Cloud.Cluster;
using Npgsql;

namespace CarteValoise.Cloud.Migrations;

/// <summary>
/// The database named in the connection string is created when absent, from the server's
/// "postgres" maintenance database with the same credentials (the role needs CREATEDB for that,
/// and only then). CREATE DATABASE cannot run inside the migration's transaction.
/// </summary>
public static class DatabaseCreation
{
    private const string MaintenanceDatabase = "postgres";

    /// <summary>True when this call created it.</summary>
    public static async Task<bool> EnsureExistsAsync(PostgresSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlConnection(settings.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return false;
        }
        catch (Exception problem) when (PostgresFailures.IsMissingDatabase(problem))
        {
        }

        var maintenance = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = MaintenanceDatabase, Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {QuotedIdentifier(settings.Database)}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException problem) when (problem.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another migrate created it in between: the same outcome.
            return false;
        }
    }

    private static string QuotedIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

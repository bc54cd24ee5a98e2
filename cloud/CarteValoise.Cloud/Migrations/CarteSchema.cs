using Npgsql;

namespace CarteValoise.Cloud.Migrations;

/// <summary>
/// Our own tables beside Orleans', versioned: each version is one step, applied once and recorded
/// in <c>carte_schema_version</c> (one row per applied version). A silo runs only on the version it
/// was built for (<see cref="CurrentVersion"/>), so a new step ships with the code that needs it.
/// </summary>
public static class CarteSchema
{
    public const int CurrentVersion = 2;

    /// <summary>
    /// The statements of each version, in order; version 1 is the version table itself; version 2
    /// the document safe's encrypted contents (sealed bytes, already incompressible: stored out of
    /// line without TOAST's compression).
    /// </summary>
    private static readonly IReadOnlyDictionary<int, string> Steps = new Dictionary<int, string>
    {
        [1] = """
              CREATE TABLE IF NOT EXISTS carte_schema_version
              (
                  version integer NOT NULL PRIMARY KEY,
                  applied_at timestamptz NOT NULL
              );
              """,
        [2] = """
              CREATE TABLE IF NOT EXISTS carte_document_content
              (
                  content_id text NOT NULL PRIMARY KEY,
                  sealed bytea NOT NULL,
                  stored_at timestamptz NOT NULL
              );
              ALTER TABLE carte_document_content ALTER COLUMN sealed SET STORAGE EXTERNAL;
              """,
    };

    /// <summary>The highest version recorded; 0 when the database has no CarteValoise schema at all.</summary>
    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT CASE WHEN to_regclass('carte_schema_version') IS NULL THEN 0 ELSE 1 END", connection, transaction);
        if ((int)(await command.ExecuteScalarAsync(cancellationToken))! == 0) return 0;
        await using var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM carte_schema_version", connection, transaction);
        return (int)(await read.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Applies the versions after <paramref name="from"/> up to <see cref="CurrentVersion"/>, each recorded with its time.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var version = from + 1; version <= CurrentVersion; version++)
        {
            await using (var step = new NpgsqlCommand(Steps[version], connection, transaction))
                await step.ExecuteNonQueryAsync(cancellationToken);
            await using var record = new NpgsqlCommand(
                "INSERT INTO carte_schema_version (version, applied_at) VALUES (@version, @appliedAt)", connection, transaction);
            record.Parameters.AddWithValue("version", version);
            record.Parameters.AddWithValue("appliedAt", now);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

using CarteValoise.Cloud.Migrations;
using Npgsql;

namespace CarteValoise.Cloud.Cluster;

/// <summary>
/// Before a silo joins a PostgreSQL cluster: the schema must be the one this build expects. A silo
/// never migrates by itself (several start at once, and a schema change is an operator's decision):
/// it refuses to start and says which command to run.
/// </summary>
public static class SchemaVersionCheck
{
    /// <summary>Null when the silo may start; otherwise the exit code, its reason written to <paramref name="error"/>.</summary>
    public static async Task<int?> RefusalAsync(IConfiguration configuration, TextWriter error, CancellationToken cancellationToken)
    {
        if (!PostgresSettings.IsSelected(configuration)) return null;
        PostgresSettings settings;
        try
        {
            settings = PostgresSettings.From(configuration);
        }
        catch (ClusterConfigurationException problem)
        {
            await error.WriteLineAsync(problem.Message);
            return CloudExitCodes.Configuration;
        }

        int found;
        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            found = await CarteSchema.ReadVersionAsync(connection, null, cancellationToken);
        }
        catch (Exception problem) when (PostgresFailures.IsMissingDatabase(problem))
        {
            // `migrate` creates the database: to the operator this is a schema not yet applied.
            found = 0;
        }
        catch (Exception problem) when (PostgresFailures.IsUnreachable(problem))
        {
            await error.WriteLineAsync(PostgresFailures.UnreachableMessage(settings, problem));
            return CloudExitCodes.DatabaseUnreachable;
        }

        if (found == CarteSchema.CurrentVersion) return null;
        await error.WriteLineAsync(Message(found));
        return CloudExitCodes.SchemaVersionMismatch;
    }

    public static string Message(int found) =>
        $"Le schéma PostgreSQL est à la version {found}, ce silo attend la version {CarteSchema.CurrentVersion} : lancez `CarteValoise.Cloud migrate`. / " +
        $"PostgreSQL schema is at version {found}, this silo expects {CarteSchema.CurrentVersion}: run `CarteValoise.Cloud migrate`.";
}

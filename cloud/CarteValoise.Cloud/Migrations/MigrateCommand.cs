using CarteValoise.Cloud.Cluster;
using Npgsql;

namespace CarteValoise.Cloud.Migrations;

/// <summary>
/// <c>CarteValoise.Cloud migrate</c>: brings the PostgreSQL database of <c>Storage:Postgres:ConnectionString</c>
/// to the schema this build runs on — the database itself if absent, Orleans' scripts, then ours —
/// and prints <c>MIGRATED schema=&lt;n&gt;</c>. Everything after the database's creation happens in
/// one transaction under an advisory lock: a failure applies nothing, two migrates at once apply
/// once, and running it again changes nothing.
/// </summary>
public static class MigrateCommand
{
    /// <summary>Any fixed number: the lock only has to be the same for every migrate of every version.</summary>
    private const long MigrationLock = 0x4361_7274_6556_616C;

    public static async Task<int> RunAsync(IConfiguration configuration, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
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

        try
        {
            if (await DatabaseCreation.EnsureExistsAsync(settings, cancellationToken))
                await output.WriteLineAsync($"Base « {settings.Database} » créée. / Database \"{settings.Database}\" created.");

            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", MigrationLock);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            var found = await CarteSchema.ReadVersionAsync(connection, transaction, cancellationToken);
            if (found > CarteSchema.CurrentVersion)
            {
                await error.WriteLineAsync(
                    $"Le schéma PostgreSQL est à la version {found}, plus récente que celle de ce programme ({CarteSchema.CurrentVersion}) : rien n'a été changé ; utilisez la version de CarteValoise qui l'a appliqué. / " +
                    $"PostgreSQL schema is at version {found}, newer than this program's ({CarteSchema.CurrentVersion}): nothing was changed; use the CarteValoise release that applied it.");
                return CloudExitCodes.SchemaVersionMismatch;
            }

            var orleans = await OrleansScripts.ApplyMissingAsync(connection, transaction, cancellationToken);
            await CarteSchema.ApplyAsync(connection, transaction, found, time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            await output.WriteLineAsync(orleans.Count == 0
                ? "Scripts Orleans déjà appliqués. / Orleans scripts already applied."
                : $"Scripts Orleans appliqués : {string.Join(", ", orleans)}. / Orleans scripts applied: {string.Join(", ", orleans)}.");
            await output.WriteLineAsync($"MIGRATED schema={CarteSchema.CurrentVersion}");
            return 0;
        }
        catch (Exception problem) when (PostgresFailures.IsUnreachable(problem))
        {
            await error.WriteLineAsync(PostgresFailures.UnreachableMessage(settings, problem));
            return CloudExitCodes.DatabaseUnreachable;
        }
        catch (PostgresException problem)
        {
            await error.WriteLineAsync(
                $"La migration a échoué, rien n'a été appliqué ({settings.Describe()}) : {problem.MessageText} [{problem.SqlState}]. / " +
                $"Migration failed, nothing was applied ({settings.Describe()}): {problem.MessageText} [{problem.SqlState}].");
            return CloudExitCodes.Failure;
        }
    }
}

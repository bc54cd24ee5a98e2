using CarteValoise.Cloud.Cluster;
using Npgsql;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The rows of Orleans' grain storage table that belong to one ServiceId: counted before an
/// import, removed by <c>--replace</c>, counted again after. Everything else goes through the
/// grain storage itself.
/// </summary>
internal sealed class PostgresTarget(PostgresSettings settings, string serviceId)
{
    public string Describe() => $"{settings.Describe()}, ServiceId={serviceId}";

    /// <summary>The silo's own check: the schema must be the one <c>migrate</c> gives this build.</summary>
    public static async Task EnsureSchemaAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        using var refusal = new StringWriter();
        if (await SchemaVersionCheck.RefusalAsync(configuration, refusal, cancellationToken) is { } exitCode)
            throw new MigrationFailure(exitCode, $"{refusal.ToString().TrimEnd()} Rien n'a été écrit. / Nothing was written.");
    }

    /// <summary>Every row of this ServiceId, cleared states included (a grain's first write would conflict with them too).</summary>
    public async Task<long> CountStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansstorage WHERE serviceid = @serviceId", connection);
        command.Parameters.AddWithValue("serviceId", serviceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Removes every grain state of this ServiceId; returns how many there were.</summary>
    public async Task<long> DeleteStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM orleansstorage WHERE serviceid = @serviceId", connection);
        command.Parameters.AddWithValue("serviceId", serviceId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception e) when (PostgresFailures.IsUnreachable(e))
        {
            await connection.DisposeAsync();
            throw new MigrationFailure(MigrationExitCodes.DatabaseUnreachable, PostgresFailures.UnreachableMessage(settings, e), e);
        }
    }
}

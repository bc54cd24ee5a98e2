using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

/// <summary>
/// The cluster profile's PostgreSQL: the machine's own installation (Debian's package, installed
/// by tests/postgres.sh if missing), data in .data/postgres, loopback only. The script stays in
/// the foreground with the server's log, so that stopping the AppHost stops the server.
/// </summary>
internal static class ClusterPostgres
{
    public const string Role = "cartevaloise";
    public const string Database = "cartevaloise";
    private const string ReadyCheck = "postgres-accepts-cartevaloise";

    public static IResourceBuilder<ExecutableResource> Add(IDistributedApplicationBuilder builder, string dataDirectory, string connectionString)
    {
        var script = Path.Combine(builder.AppHostDirectory, "cluster-postgres.sh");
        // Ready once our role can open our database: the script creates both after the server starts.
        builder.Services.AddHealthChecks().AddAsyncCheck(ReadyCheck, async cancellationToken =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });
        return builder.AddExecutable("postgres", "bash", builder.AppHostDirectory,
                script, dataDirectory, ClusterPlatform.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), Role, Database)
            .WithHealthCheck(ReadyCheck);
    }
}

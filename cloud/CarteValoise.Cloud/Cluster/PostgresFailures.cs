using System.Net.Sockets;
using Npgsql;

namespace CarteValoise.Cloud.Cluster;

/// <summary>Tells "the database is not there for us" from a fault in what we asked of it.</summary>
public static class PostgresFailures
{
    /// <summary>
    /// No conversation with the server: network, timeout, TLS, authentication refused, server
    /// starting or full. The operator fixes the database or its address, not the schema.
    /// </summary>
    public static bool IsUnreachable(Exception problem) => problem switch
    {
        PostgresException server => server.SqlState.StartsWith("28", StringComparison.Ordinal) // authentication
            || server.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown,
        NpgsqlException or TimeoutException or SocketException => true,
        _ => false,
    };

    public static bool IsMissingDatabase(Exception problem) =>
        problem is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName };

    /// <summary>The reason in one line, with the socket's own words when there is one.</summary>
    public static string Reason(Exception problem)
    {
        var reason = problem.Message.TrimEnd('.');
        return problem.InnerException is { } inner && !reason.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{reason} ({inner.Message.TrimEnd('.')})"
            : reason;
    }

    public static string UnreachableMessage(PostgresSettings settings, Exception problem) =>
        $"PostgreSQL injoignable ({settings.Describe()}) : {Reason(problem)}. Vérifiez que le serveur tourne et Storage:Postgres:ConnectionString. / " +
        $"PostgreSQL unreachable ({settings.Describe()}): {Reason(problem)}. Check that the server runs and Storage:Postgres:ConnectionString.";
}

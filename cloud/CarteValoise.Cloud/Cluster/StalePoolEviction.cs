using System.Runtime.ExceptionServices;
using Npgsql;

namespace CarteValoise.Cloud.Cluster;

/// <summary>
/// Empties Npgsql's connection pools as soon as one connection shows that PostgreSQL went away
/// (restart, failover, connections terminated). Npgsql keeps the idle connections of a restarted
/// server in its pools and hands each out once more, so without this every stale connection fails
/// one grain activation or write, minutes after the server is back (npgsql/npgsql#5073, whose
/// advice is this: clear the pool on such an error). Hooked on first-chance exceptions because
/// the failures arise inside Orleans' ADO.NET providers (clustering, reminders, persistence),
/// which give us no other place to see them.
/// </summary>
public sealed class StalePoolEviction(ILogger<StalePoolEviction> log, TimeProvider time) : IHostedService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private long lastClearedAt = long.MinValue;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.FirstChanceException += OnException;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnException;
        return Task.CompletedTask;
    }

    /// <summary>The server ended the conversation: every other pooled connection to it is dead too.</summary>
    public static bool ShowsServerGone(Exception problem) => problem switch
    {
        PostgresException server => server.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or EndOfStreamException } => true,
        _ => false,
    };

    private void OnException(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (!ShowsServerGone(e.Exception)) return;
        // Once a second at most: during a shutdown hundreds of calls fail within milliseconds.
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref lastClearedAt);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < Quiet) return;
        if (Interlocked.CompareExchange(ref lastClearedAt, now, last) != last) return;
        NpgsqlConnection.ClearAllPools();
        log.LogWarning("PostgreSQL a coupé une connexion ({Reason}) : les connexions en réserve sont fermées, les suivantes seront neuves.",
            e.Exception.Message);
    }
}

using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// The benchmark's own PostgreSQL server: Debian's, started by tests/postgres.sh on a free
/// loopback port with its data in the run's work directory, a fresh database per run. It runs
/// detached from the benchmark (pg_ctl), so every way the benchmark ends stops it: the end of the
/// run, and <see cref="StopAll"/> on a signal.
/// </summary>
public sealed class BenchPostgres : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly List<BenchPostgres> Running = [];

    private readonly string _script;
    private bool _stopped;

    public string DataDirectory { get; }
    public int Port { get; }

    private BenchPostgres(string script, string dataDirectory, int port)
    {
        _script = script;
        DataDirectory = dataDirectory;
        Port = port;
    }

    public static BenchPostgres Start(string repositoryRoot, string dataDirectory, int port)
    {
        var server = new BenchPostgres(Path.Combine(repositoryRoot, "tests", "postgres.sh"), dataDirectory, port);
        // Registered first: a signal during the start must still stop what the start began.
        lock (Gate) Running.Add(server);
        server.Script(TimeSpan.FromMinutes(3), "start", dataDirectory, port.ToString(CultureInfo.InvariantCulture));
        return server;
    }

    /// <summary>
    /// The connection string of <paramref name="database"/> as the server's superuser (loopback is
    /// trusted). Pools of 50, as the cluster profile's: three silos stay under max_connections (200).
    /// </summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Maximum Pool Size=50";

    /// <summary>The server's main process, parent of every backend: its CPU and its children's is PostgreSQL's.</summary>
    public int PostmasterId => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>What the server has done so far, for <paramref name="database"/> and as a whole.</summary>
    public async Task<PostgresCounters> CountersAsync(string database)
    {
        var cpu = ProcessTreeCpu.Of(PostmasterId);
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT d.xact_commit, d.tup_inserted, d.tup_updated, d.blks_read,
                   w.wal_records, w.wal_bytes::bigint, w.wal_write, w.wal_sync,
                   b.buffers_checkpoint + b.buffers_clean + b.buffers_backend,
                   (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database()) - 1
            FROM pg_stat_database d, pg_stat_wal w, pg_stat_bgwriter b
            WHERE d.datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"pg_stat_database has no row for {database}.");
        return new PostgresCounters(cpu,
            Commits: reader.GetInt64(0), TuplesInserted: reader.GetInt64(1), TuplesUpdated: reader.GetInt64(2), BlocksRead: reader.GetInt64(3),
            WalRecords: reader.GetInt64(4), WalBytes: reader.GetInt64(5), WalWrites: reader.GetInt64(6), WalSyncs: reader.GetInt64(7),
            BlocksWritten: reader.GetInt64(8), Connections: reader.GetInt64(9));
    }

    /// <summary>How the server is configured where it matters for durability and speed, for the report.</summary>
    public async Task<string> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ' ' ORDER BY name) FROM pg_settings
            WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay')
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_stopped) return;
            _stopped = true;
            Running.Remove(this);
        }
        try
        {
            Script(TimeSpan.FromMinutes(1), "stop", DataDirectory);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.WriteLine($"  note: PostgreSQL in {DataDirectory} may still run: {ex.Message}");
        }
    }

    /// <summary>Stops every server still running; for a signal, which ends the run without its finally blocks.</summary>
    public static void StopAll()
    {
        BenchPostgres[] running;
        lock (Gate) running = [.. Running];
        foreach (var server in running) server.Dispose();
    }

    private void Script(TimeSpan patience, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_script);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"tests/postgres.sh {string.Join(' ', arguments)} did not end within {patience.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tests/postgres.sh {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {output.Result}{error.Result}"
                + $" (server log: {Path.Combine(DataDirectory, "server.log")})");
    }
}

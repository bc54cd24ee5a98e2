using System.Diagnostics;
using System.Text;
using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// The PostgreSQL server the tests run against: tests/run.sh starts it (tests/postgres.sh) and
/// exports its admin connection string and data directory. Each test makes a database of its own
/// on it, with psql (installed with the server), and may restart the server under load.
/// </summary>
public sealed class TestPostgres
{
    public const string ConnectionVariable = "CARTEVALOISE_TEST_POSTGRES";
    public const string DataVariable = "CARTEVALOISE_TEST_POSTGRES_DATA";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, string> admin;

    private TestPostgres(Dictionary<string, string> admin, string? dataDirectory)
    {
        this.admin = admin;
        DataDirectory = dataDirectory;
    }

    public string? DataDirectory { get; }

    /// <summary>The server named by the environment, or a failure that says how to get one.</summary>
    public static TestPostgres FromEnvironment()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connection))
            throw new Xunit.Sdk.XunitException(
                "PostgreSQL manquant : lancez tests/run.sh (qui l'installe et le démarre) ou tests/postgres.sh start <dossier> <port> puis exportez "
                + $"{ConnectionVariable} (la chaîne de connexion qu'il affiche) et {DataVariable} (le dossier).");
        return new TestPostgres(Parse(connection), Environment.GetEnvironmentVariable(DataVariable));
    }

    /// <summary>The Npgsql connection string of a database on this server, as the silos are given it.</summary>
    public string ConnectionString(string database)
    {
        var keys = new Dictionary<string, string>(admin, StringComparer.OrdinalIgnoreCase) { ["Database"] = database };
        return string.Join(';', keys.Select(k => $"{k.Key}={k.Value}"));
    }

    /// <summary>A new empty database, named for the test that uses it.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"cv_{purpose}_{Guid.NewGuid():N}"[..40];
        await SqlAsync(Value("Database", "postgres"), $"CREATE DATABASE {name}");
        return name;
    }

    public Task DropDatabaseAsync(string database) =>
        SqlAsync(Value("Database", "postgres"), $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");

    /// <summary>Runs SQL on a database and returns what psql printed (unaligned, tuples only).</summary>
    public async Task<string> SqlAsync(string database, string sql)
    {
        var psql = new ProcessStartInfo(PsqlPath())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql, Conninfo(database) })
            psql.ArgumentList.Add(argument);
        var (code, output, error) = await RunAsync(psql);
        if (code != 0) throw new InvalidOperationException($"psql failed (exit code {code}) on «{sql}»: {error}");
        return output.Trim();
    }

    /// <summary>
    /// tests/postgres.sh restart: a fast shutdown (every connection cut) and a start on the same
    /// port. Returns once the server accepts connections again.
    /// </summary>
    public async Task RestartAsync()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
            throw new Xunit.Sdk.XunitException(
                $"{DataVariable} manquant : exportez le dossier de données du serveur PostgreSQL de test (tests/run.sh le fait), pour que le test puisse le redémarrer.");
        var script = new ProcessStartInfo(Path.Combine(Component.RepositoryRoot, "tests", "postgres.sh"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        script.ArgumentList.Add("restart");
        script.ArgumentList.Add(DataDirectory);
        var (code, output, error) = await RunAsync(script);
        if (code != 0) throw new InvalidOperationException($"tests/postgres.sh restart failed (exit code {code}): {output}{error}");
    }

    private string Value(string key, string fallback) => admin.TryGetValue(key, out var value) ? value : fallback;

    private string Conninfo(string database)
    {
        // libpq's key=value form, from the Npgsql one tests/postgres.sh prints.
        var parts = new List<string>
        {
            $"host={Value("Host", "127.0.0.1")}",
            $"port={Value("Port", "5432")}",
            $"user={Value("Username", "postgres")}",
            $"dbname={database}",
        };
        if (admin.TryGetValue("Password", out var password)) parts.Add($"password={password}");
        return string.Join(' ', parts);
    }

    private static string PsqlPath()
    {
        var bundled = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "psql")).Where(File.Exists).Order().LastOrDefault()
            : null;
        return bundled ?? "psql";
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} had not ended after {Patience.TotalSeconds:0} s.");
        }
        return (process.ExitCode, await output, await error);
    }

    private static Dictionary<string, string> Parse(string connection) =>
        connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
}

using CarteValoise.Benchmarks.Processes;

namespace CarteValoise.Benchmarks.Running;

/// <summary>
/// How every benchmark starts and ends, so that each answers its flags alike: --help prints its
/// usage (exit 0), a bad flag its message (exit 2); then its children are killed on a signal and
/// at the end, whatever happened, and the exit code says whether every part ran (0) or not (1).
/// </summary>
public static class ScenarioEntry
{
    /// <param name="cleanUp">Deletes the run's files; after a signal, once the children are gone.</param>
    /// <param name="stopServers">What a scenario starts that killing the children does not stop (its PostgreSQL),
    /// stopped after the children on every way out: the silos hold connections to it.</param>
    public static async Task<int> RunAsync<TOptions>(string[] args, string usage, Func<string[], TOptions> parse,
        Action<TOptions> cleanUp, Func<TOptions, Task<bool>> run, Action? stopServers = null)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(usage);
            return 0;
        }
        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        ChildProcesses.KillOnExit(afterwards: () =>
        {
            stopServers?.Invoke();
            cleanUp(options);
        });
        try
        {
            return await run(options) ? 0 : 1;
        }
        finally
        {
            ChildProcesses.KillAll();
            stopServers?.Invoke();
        }
    }
}

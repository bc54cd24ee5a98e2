using System.Diagnostics;
using System.Text;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>
/// One component of the platform running as its own operating-system process, as it would in
/// production: `dotnet Component.dll`, configured through environment variables only.
/// </summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task outputRead;

    private RunningProcess(Process process, ProcessLog log)
    {
        this.process = process;
        Log = log;
        outputRead = Task.WhenAll(
            Pump(process.StandardOutput, isError: false),
            Pump(process.StandardError, isError: true))
            .ContinueWith(async _ =>
            {
                await process.WaitForExitAsync();
                Log.End($"exited with code {process.ExitCode}");
            }, TaskScheduler.Default).Unwrap();
    }

    public ProcessLog Log { get; }

    public int Id => process.Id;

    public static RunningProcess Start(string name, Component component, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the project folder, as with `dotnet run`: appsettings.json and wwwroot are found there.
            WorkingDirectory = component.ProjectDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(component.AssemblyPath);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {component.AssemblyPath}.");
        var running = new RunningProcess(process, new ProcessLog($"{name} (pid {process.Id})"));
        OrphanGuard.Track(running);
        return running;
    }

    /// <summary>
    /// SIGKILL to the process and its children (what .NET sends on Linux): no shutdown hook runs,
    /// as when a box loses power. Returns once everything it printed has been read.
    /// </summary>
    public async Task KillAsync()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        await outputRead.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        OrphanGuard.Forget(this);
    }

    private async Task Pump(StreamReader reader, bool isError)
    {
        while (await reader.ReadLineAsync() is { } line) Log.Append(line, isError);
    }

    /// <summary>Kills what is still running if the test host goes away without disposing its fixtures.</summary>
    private static class OrphanGuard
    {
        private static readonly HashSet<RunningProcess> Running = [];

        static OrphanGuard() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Running)
                foreach (var running in Running)
                    try { running.process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        };

        public static void Track(RunningProcess running)
        {
            lock (Running) Running.Add(running);
        }

        public static void Forget(RunningProcess running)
        {
            lock (Running) Running.Remove(running);
        }
    }
}

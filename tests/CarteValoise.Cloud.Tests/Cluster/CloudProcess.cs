using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CarteValoise.Cloud.Tests.Cluster;

/// <summary>
/// The real cloud executable (`dotnet CarteValoise.Cloud.dll [command]`) run as its own process from
/// the project's build output, configured by environment variables, with what it prints kept in
/// order and awaitable: a test waits for a line or for the exit, never for a time.
/// </summary>
internal sealed class CloudProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly object gate = new();
    private readonly List<(bool IsError, string Text)> lines = [];
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Signal)> waiters = [];
    private readonly Task finished;

    private CloudProcess(Process process)
    {
        this.process = process;
        finished = Task.WhenAll(Pump(process.StandardOutput, isError: false), Pump(process.StandardError, isError: true))
            .ContinueWith(_ => process.WaitForExitAsync(), TaskScheduler.Default).Unwrap()
            .ContinueWith(_ => EndWaiters(), TaskScheduler.Default);
    }

    public IReadOnlyList<string> StandardOutput
    {
        get { lock (gate) return [.. lines.Where(l => !l.IsError).Select(l => l.Text)]; }
    }

    public IReadOnlyList<string> StandardError
    {
        get { lock (gate) return [.. lines.Where(l => l.IsError).Select(l => l.Text)]; }
    }

    public static CloudProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // As with `dotnet run`: appsettings.json is read from the project folder.
            WorkingDirectory = Executable.ProjectDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Executable.AssemblyPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new CloudProcess(Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {Executable.AssemblyPath}."));
    }

    /// <summary>Runs a command to its end: its exit code, with everything it printed read.</summary>
    public static async Task<CloudProcess> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var command = Start(environment, arguments);
        await command.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return command;
    }

    public int ExitCode => process.ExitCode;

    public async Task WaitForExitAsync(TimeSpan patience)
    {
        if (await Task.WhenAny(finished, Task.Delay(patience)) != finished)
            throw new TimeoutException($"The cloud did not exit within {patience.TotalSeconds:0} s.\n{Dump()}");
    }

    /// <summary>The first standard output line that matches, printed already or still to come.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, string description, TimeSpan patience)
    {
        var signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var printed = lines.FirstOrDefault(l => !l.IsError && matches(l.Text));
            if (printed.Text is not null) return printed.Text;
            if (finished.IsCompleted) throw new InvalidOperationException($"The cloud exited before printing {description}.\n{Dump()}");
            waiters.Add((matches, signal));
        }
        if (await Task.WhenAny(signal.Task, Task.Delay(patience)) != signal.Task)
            throw new TimeoutException($"The cloud did not print {description} within {patience.TotalSeconds:0} s.\n{Dump()}");
        try
        {
            return await signal.Task;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOperationException($"The cloud exited before printing {description}.\n{Dump()}");
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, as when a machine loses power.</summary>
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
        await finished.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    public string Dump()
    {
        lock (gate)
        {
            var text = new StringBuilder($"===== cloud (pid {process.Id}), {lines.Count} lines =====\n");
            foreach (var (isError, line) in lines.TakeLast(200)) text.Append(isError ? "err " : "    ").AppendLine(line);
            return text.ToString();
        }
    }

    private async Task Pump(StreamReader reader, bool isError)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            List<TaskCompletionSource<string>> satisfied;
            lock (gate)
            {
                lines.Add((isError, line));
                var matching = waiters.Where(w => !isError && w.Matches(line)).ToList();
                foreach (var waiter in matching) waiters.Remove(waiter);
                satisfied = [.. matching.Select(w => w.Signal)];
            }
            foreach (var signal in satisfied) signal.TrySetResult(line);
        }
    }

    private void EndWaiters()
    {
        List<TaskCompletionSource<string>> orphaned;
        lock (gate)
        {
            orphaned = [.. waiters.Select(w => w.Signal)];
            waiters.Clear();
        }
        foreach (var signal in orphaned) signal.TrySetException(new InvalidOperationException("exited"));
    }

    private static class Executable
    {
        public static string ProjectDirectory { get; } = Path.Combine(RepositoryRoot(), "cloud", "CarteValoise.Cloud");

        /// <summary>The build of this test's own configuration, which building this test project produced.</summary>
        public static string AssemblyPath { get; } = Path.Combine(ProjectDirectory, "bin",
            typeof(CloudProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
            "net10.0", "CarteValoise.Cloud.dll");

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "CarteValoise.sln"))) return folder.FullName;
            throw new DirectoryNotFoundException($"No CarteValoise.sln above {AppContext.BaseDirectory}.");
        }
    }
}

/// <summary>Loopback ports nobody listens on, never the same twice in one run.</summary>
internal static class FreePorts
{
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (HandedOut.Add(port)) return port;
            }
        }
    }
}

using System.Diagnostics;

namespace CarteValoise.Benchmarks.Processes;

/// <summary>
/// A program the benchmark starts (the silo, the load simulator): its output goes to a log file
/// and through <see cref="WaitForLineAsync"/>, which fails as soon as the program ends instead of
/// waiting out its deadline. Every child is registered in <see cref="ChildProcesses"/> so that it
/// is killed, with its own children, however the benchmark ends.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int TailLines = 60;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly Queue<string> _tail = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streamsOpen = 2;

    public string Name { get; }
    public string LogPath { get; }

    private ChildProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true };
    }

    /// <param name="workingDirectory">Where relative paths of the child land: a folder of the benchmark's, never the repository.</param>
    public static ChildProcess Start(string name, string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // Both children are ours to configure: nothing inherited from the shell may change what they do.
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        Directory.CreateDirectory(logDirectory);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, Path.Combine(logDirectory, name + ".log"));
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"{name}: dotnet {dll} did not start.");
        ChildProcesses.Add(child);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool HasEnded => _ended.Task.IsCompleted;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>CPU and storage writes so far; read while the program runs (an ended one has none).</summary>
    public ProcessCounters Counters() => _process.HasExited ? ProcessCounters.None : ProcessCounters.Of(_process.Id);

    /// <summary>The first line (already printed or to come) that matches; fails if the program ends first or the deadline passes.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan patience)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, found));
        }
        var first = await Task.WhenAny(found.Task, _ended.Task, Task.Delay(patience));
        if (first == found.Task) return await found.Task;
        // The line may have been printed just before the end.
        if (found.Task.IsCompleted) return await found.Task;
        throw first == _ended.Task
            ? new ChildProcessException($"{Name} ended (exit code {ExitCode}) before printing {what}.\n{Tail()}")
            : new ChildProcessException($"{Name} did not print {what} within {patience.TotalSeconds:0} s.\n{Tail()}");
    }

    /// <summary>Waits for the program to end on its own; kills it after the deadline.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan patience)
    {
        if (await Task.WhenAny(_ended.Task, Task.Delay(patience)) == _ended.Task) return true;
        Kill();
        return false;
    }

    /// <summary>The last lines printed, for an error message.</summary>
    public string Tail()
    {
        lock (_gate) return $"--- last lines of {Name} (whole output in {LogPath}) ---\n" + string.Join('\n', _tail);
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile.
        }
    }

    public void WaitUntilGone(TimeSpan patience)
    {
        try
        {
            _process.WaitForExit(patience);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SystemException)
        {
            // Never started, or already disposed.
        }
    }

    public void Dispose()
    {
        Kill();
        try
        {
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
        ChildProcesses.Remove(this);
        _process.Dispose();
        lock (_gate) _log.Dispose();
    }

    // Output and error arrive on two threads; a null line is the end of one stream.
    private void OnLine(string? line)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _streamsOpen) == 0) _ended.TrySetResult();
            return;
        }
        List<TaskCompletionSource<string>> found = [];
        lock (_gate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
            _tail.Enqueue(line);
            while (_tail.Count > TailLines) _tail.Dequeue();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(line)) continue;
                found.Add(_waiters[i].Found);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var waiter in found) waiter.TrySetResult(line);
    }
}

public sealed class ChildProcessException(string message) : Exception(message);

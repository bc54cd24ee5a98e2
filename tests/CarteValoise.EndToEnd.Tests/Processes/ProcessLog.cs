using System.Diagnostics;
using System.Text;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>
/// Everything one process printed, in order, with awaitable "a line like this appeared" signals,
/// so that a test waits for what a process says instead of sleeping. Standard output carries the
/// lines made for machines; standard error (the logs) can be awaited too, for what only a log says.
/// </summary>
public sealed class ProcessLog(string name)
{
    private readonly object gate = new();
    private readonly List<LogLine> lines = [];
    private readonly List<Waiter> waiters = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private string? endedBecause;

    public string Name { get; } = name;

    public IReadOnlyList<string> StandardOutput
    {
        get
        {
            lock (gate) return lines.Where(l => !l.IsError).Select(l => l.Text).ToList();
        }
    }

    public IReadOnlyList<string> StandardError
    {
        get
        {
            lock (gate) return lines.Where(l => l.IsError).Select(l => l.Text).ToList();
        }
    }

    public void Append(string text, bool isError)
    {
        List<Waiter> satisfied = [];
        lock (gate)
        {
            lines.Add(new LogLine(clock.Elapsed, text, isError));
            foreach (var waiter in waiters.Where(w => w.OnStandardError == isError && w.Matches(text)).ToList())
            {
                waiters.Remove(waiter);
                satisfied.Add(waiter);
            }
        }
        // Completed outside the lock: a continuation may run inline and call back into this log.
        foreach (var waiter in satisfied) waiter.Signal.TrySetResult(text);
    }

    /// <summary>The process is gone: nobody waiting for a line will ever get one.</summary>
    public void End(string reason)
    {
        List<Waiter> orphaned;
        lock (gate)
        {
            endedBecause = reason;
            lines.Add(new LogLine(clock.Elapsed, $"--- {reason} ---", IsError: true));
            orphaned = [.. waiters];
            waiters.Clear();
        }
        foreach (var waiter in orphaned)
            waiter.Signal.TrySetException(new ProcessEndedException(
                $"{Name} {reason} before printing {waiter.Description}. Its output is in the test output."));
    }

    public bool HasEnded
    {
        get
        {
            lock (gate) return endedBecause is not null;
        }
    }

    /// <summary>
    /// The first standard output line that matches, already printed or still to come. The predicate
    /// sees each line once and in order, so it may count (e.g. "the tenth tap of this run").
    /// </summary>
    public Task<string> WaitForLineAsync(Func<string, bool> matches, string description, TimeSpan timeout) =>
        WaitAsync(new Waiter(matches, description, OnStandardError: false), timeout);

    /// <summary>The same, on standard error: a log line.</summary>
    public Task<string> WaitForErrorLineAsync(Func<string, bool> matches, string description, TimeSpan timeout) =>
        WaitAsync(new Waiter(matches, $"{description} on standard error", OnStandardError: true), timeout);

    private async Task<string> WaitAsync(Waiter waiter, TimeSpan timeout)
    {
        var (matches, description) = (waiter.Matches, waiter.Description);
        lock (gate)
        {
            var printed = lines.FirstOrDefault(l => l.IsError == waiter.OnStandardError && matches(l.Text));
            if (printed is not null) return printed.Text;
            if (endedBecause is not null)
                throw new ProcessEndedException($"{Name} {endedBecause} before printing {description}. Its output is in the test output.");
            waiters.Add(waiter);
        }
        var finished = await Task.WhenAny(waiter.Signal.Task, Task.Delay(timeout));
        if (finished == waiter.Signal.Task) return await waiter.Signal.Task;
        lock (gate) waiters.Remove(waiter);
        throw new TimeoutException($"{Name} did not print {description} within {timeout.TotalSeconds:0} s. Its output is in the test output.");
    }

    /// <summary>The last lines, timed from the start, for a failing test's output.</summary>
    public string Dump(int lastLines)
    {
        lock (gate)
        {
            var text = new StringBuilder();
            text.AppendLine($"===== {Name}: {lines.Count} lines{(endedBecause is null ? "" : $", {endedBecause}")} =====");
            if (lines.Count > lastLines) text.AppendLine($"(the first {lines.Count - lastLines} lines are left out)");
            foreach (var line in lines.Skip(Math.Max(0, lines.Count - lastLines)))
                text.AppendLine($"[{line.At:mm\\:ss\\.fff}]{(line.IsError ? " err" : "")} {line.Text}");
            return text.ToString();
        }
    }

    private sealed record LogLine(TimeSpan At, string Text, bool IsError);

    private sealed record Waiter(Func<string, bool> Matches, string Description, bool OnStandardError)
    {
        public TaskCompletionSource<string> Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public sealed class ProcessEndedException(string message) : Exception(message);

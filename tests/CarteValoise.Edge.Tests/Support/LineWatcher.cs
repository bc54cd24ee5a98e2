using CarteValoise.Edge.Output;

namespace CarteValoise.Edge.Tests.Support;

/// <summary>Watches the box's standard-output lines and lets a test await an exact one.</summary>
public sealed class LineWatcher
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Line, TaskCompletionSource Seen)> _waiting = [];
    private readonly List<(string Line, int Count, TaskCompletionSource Seen)> _counted = [];

    public LineWatcher(BoxOutput output) => output.LineWritten += OnLine;

    public IReadOnlyList<string> Lines
    {
        get { lock (_gate) return _lines.ToList(); }
    }

    public Task WaitForAsync(string line, TimeSpan? timeout = null)
    {
        Task seen;
        lock (_gate)
        {
            if (_lines.Contains(line)) return Task.CompletedTask;
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((line, source));
            seen = source.Task;
        }
        return WithTimeout(seen, line, timeout ?? TimeSpan.FromSeconds(15));
    }

    /// <summary>Until <paramref name="line"/> has been written <paramref name="count"/> times.</summary>
    public Task WaitForCountAsync(string line, int count, TimeSpan? timeout = null)
    {
        Task seen;
        lock (_gate)
        {
            if (_lines.Count(l => l == line) >= count) return Task.CompletedTask;
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _counted.Add((line, count, source));
            seen = source.Task;
        }
        return WithTimeout(seen, $"{line} (×{count})", timeout ?? TimeSpan.FromSeconds(15));
    }

    private async Task WithTimeout(Task seen, string line, TimeSpan timeout)
    {
        try
        {
            await seen.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Ligne « {line} » attendue ; lignes vues :{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");
        }
    }

    private void OnLine(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiting in _waiting.Where(w => w.Line == line).ToList())
            {
                waiting.Seen.TrySetResult();
                _waiting.Remove(waiting);
            }
            foreach (var counted in _counted.Where(c => c.Line == line && _lines.Count(l => l == line) >= c.Count).ToList())
            {
                counted.Seen.TrySetResult();
                _counted.Remove(counted);
            }
        }
    }
}

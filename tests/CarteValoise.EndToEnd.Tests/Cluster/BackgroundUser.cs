namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// Someone using the platform at a steady pace while the test breaks it (a parent reserving, an
/// agent at the counter): runs until told to stop, counts what it got answered, and lets the test
/// wait until it has been answered again after a failure. A wrong answer ends it with the reason.
/// </summary>
public abstract class BackgroundUser : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
    private readonly CancellationTokenSource stop = new();
    private Task? running;
    private int done;

    protected abstract TimeSpan Pace { get; }

    public abstract string Name { get; }

    public int Done
    {
        get
        {
            lock (gate) return done;
        }
    }

    public void Start() => running = Task.Run(RunAsync);

    /// <summary>Until it has had this many more operations answered; fails at once if it has failed.</summary>
    public async Task WaitForMoreAsync(int more, TimeSpan patience)
    {
        TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (done + more <= done) reached.SetResult();
            else waiters.Add((done + more, reached));
        }
        var running = this.running ?? throw new InvalidOperationException($"{Name} was not started.");
        var first = await Task.WhenAny(reached.Task, running, Task.Delay(patience));
        if (first == running) await running;
        if (first != reached.Task)
            throw new TimeoutException($"{Name}: {more} more operations were not answered within {patience.TotalSeconds:0} s (answered so far: {Done}).");
    }

    /// <summary>Stops after the operation under way (never in the middle of one: its outcome must be known).</summary>
    public async Task StopAsync()
    {
        stop.Cancel();
        if (running is not null) await running;
    }

    /// <summary>Stops it if the test ended early; a failure of its own was reported by <see cref="StopAsync"/> or a wait.</summary>
    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        try
        {
            if (running is not null) await running;
        }
        catch (Exception)
        {
        }
        stop.Dispose();
    }

    /// <summary>One operation, sent until answered; its answer checked.</summary>
    protected abstract Task OperateAsync(int index);

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Pace);
        for (var index = 0; !stop.IsCancellationRequested; index++)
        {
            await OperateAsync(index);
            List<TaskCompletionSource> reached;
            lock (gate)
            {
                done++;
                reached = [.. waiters.Where(w => w.Count <= done).Select(w => w.Reached)];
                waiters.RemoveAll(w => w.Count <= done);
            }
            foreach (var signal in reached) signal.TrySetResult();
            try
            {
                await timer.WaitForNextTickAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

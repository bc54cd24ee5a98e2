using System.Runtime.InteropServices;

namespace CarteValoise.Benchmarks.Processes;

/// <summary>
/// Every child still running, killed at the end of the run whatever ends it: normal end, an
/// exception, Ctrl+C or SIGTERM. A silo left behind would hold its ports and disk for the next run.
/// </summary>
public static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly List<ChildProcess> Running = [];

    private static bool _interrupted;

    /// <summary>Registers a child that has just started; an interrupted run kills it at once (it raced the signal).</summary>
    public static void Add(ChildProcess child)
    {
        lock (Gate)
        {
            if (!_interrupted)
            {
                Running.Add(child);
                return;
            }
        }
        child.Kill();
        throw new OperationCanceledException("The benchmark was interrupted.");
    }

    public static void Remove(ChildProcess child)
    {
        lock (Gate) Running.Remove(child);
    }

    public static void KillAll()
    {
        ChildProcess[] running;
        lock (Gate) running = [.. Running];
        foreach (var child in running) child.Kill();
        // Their files may be deleted next: give them a moment to be gone.
        foreach (var child in running) child.WaitUntilGone(TimeSpan.FromSeconds(5));
    }

    private static readonly List<PosixSignalRegistration> Registrations = [];

    /// <summary>
    /// Kills the children on SIGINT (Ctrl+C), SIGTERM, SIGHUP and SIGQUIT too, then lets the signal
    /// end the benchmark as it would have: without a host, .NET ends on SIGTERM without running
    /// anything of ours, and the silo would outlive us.
    /// </summary>
    /// <param name="afterwards">What else an interrupted run must not leave behind (its temporary files).</param>
    public static void KillOnExit(Action afterwards)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            Registrations.Add(PosixSignalRegistration.Create(signal, _ =>
            {
                // The run goes on for a moment after the signal: it must start nothing new meanwhile.
                lock (Gate) _interrupted = true;
                KillAll();
                afterwards();
            }));
    }
}

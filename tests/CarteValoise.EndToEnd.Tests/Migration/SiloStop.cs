using System.Runtime.InteropServices;
using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Migration;

/// <summary>
/// Stops a silo as a service manager does, with SIGTERM: Orleans deactivates every grain (each
/// writes what it still holds) and the grain storage closes its file. The procedure an operator
/// follows before an export.
/// </summary>
internal static class SiloStop
{
    private const int SigTerm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Returns once the process has ended, and fails unless it ended with exit code 0.</summary>
    public static async Task GracefullyAsync(RunningProcess silo)
    {
        if (kill(silo.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill -TERM {silo.Id} failed (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            // No line is awaited: the wait ends when the process does (or fails after the patience).
            await silo.Log.WaitForLineAsync(_ => false, "anything after SIGTERM", Patience);
        }
        catch (ProcessEndedException ended)
        {
            Assert.Contains("exited with code 0 ", ended.Message);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

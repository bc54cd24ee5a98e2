namespace CarteValoise.Benchmarks.Running;

/// <summary>
/// Every benchmark shares the cores with whatever else runs: its figures say how busy the machine was.
/// </summary>
public static class MachineLoad
{
    /// <summary>The load average over 1, 5 and 15 minutes, «unknown» where /proc does not tell.</summary>
    public static string Average()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}

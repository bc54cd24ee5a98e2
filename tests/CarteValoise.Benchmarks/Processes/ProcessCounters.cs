using System.Diagnostics;
using System.Globalization;

namespace CarteValoise.Benchmarks.Processes;

/// <summary>
/// What a process has spent so far: CPU time, and bytes and write calls it sent to storage
/// (Linux /proc/&lt;pid&gt;/io; zero elsewhere). The difference over a run says where the time
/// went: CPU per tap in the silo and in the boxes, and how many bytes the silo writes per tap.
/// </summary>
public sealed record ProcessCounters(TimeSpan Cpu, long WrittenBytes, long WriteCalls)
{
    public static readonly ProcessCounters None = new(TimeSpan.Zero, 0, 0);

    public static ProcessCounters Of(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            var cpu = process.TotalProcessorTime;
            long bytes = 0, calls = 0;
            var io = $"/proc/{processId}/io";
            if (File.Exists(io))
            {
                foreach (var line in File.ReadAllLines(io))
                {
                    var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
                    if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) continue;
                    if (parts[0] == "write_bytes") bytes = value;
                    else if (parts[0] == "syscw") calls = value;
                }
            }
            return new ProcessCounters(cpu, bytes, calls);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return None; // ended meanwhile
        }
    }

    public static ProcessCounters OfThisProcess() => Of(Environment.ProcessId);

    public ProcessCounters Since(ProcessCounters earlier) =>
        new(Cpu - earlier.Cpu, WrittenBytes - earlier.WrittenBytes, WriteCalls - earlier.WriteCalls);
}

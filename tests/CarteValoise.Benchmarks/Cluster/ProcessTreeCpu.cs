using System.Globalization;

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// CPU time of a process and of its children, from /proc/&lt;pid&gt;/stat: the process's own
/// (utime, stime), its living children's, and that of the children it has already reaped
/// (cutime, cstime). For PostgreSQL's postmaster that is the whole server: every backend,
/// the WAL writer, the checkpointer, including backends that ended during the run.
/// Linux only; zero elsewhere.
/// </summary>
public static class ProcessTreeCpu
{
    /// <summary>USER_HZ, the unit of /proc's times: 100 on every Linux ABI that .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int processId)
    {
        var (own, reaped, _) = Read(processId);
        long children = 0;
        foreach (var directory in SafeEnumerate())
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child) || child == processId) continue;
            var (childOwn, _, parent) = Read(child);
            if (parent == processId) children += childOwn;
        }
        return TimeSpan.FromSeconds((own + reaped + children) / TicksPerSecond);
    }

    /// <summary>The whole machine's busy time (every core, everything but idle and I/O wait), from /proc/stat.</summary>
    public static TimeSpan MachineBusy()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest times are already in user).
            var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields.Length > 7 ? fields[7] : 0);
            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

    private static IEnumerable<string> SafeEnumerate()
    {
        try
        {
            return Directory.EnumerateDirectories("/proc").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <returns>Own ticks, reaped children's ticks, and the parent's id (0 when unreadable).</returns>
    private static (long Own, long Reaped, int Parent) Read(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name may hold spaces and parentheses: the fields follow the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 of proc(5): state; ppid is field 4, utime..cstime are fields 14..17.
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return (Field(14) + Field(15), Field(16) + Field(17), (int)Field(4));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0, 0); // ended meanwhile, or not Linux
        }
    }
}

using System.Globalization;
using CarteValoise.Benchmarks.Running;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The flags the benchmarks on one silo of their own (canteen, démarches) read alike: the shared
/// ones (--root, --work-dir, --logs, --keep, --configuration, --cloud-start-seconds) mean what they
/// mean for the reader-box benchmark, --no-restart skips the part after a silo restart; every other
/// flag takes a value and is the scenario's own.
/// </summary>
public abstract class SiloScenarioOptions
{
    private static readonly HashSet<string> CommonFlags = ["--work-dir", "--logs", "--root", "--configuration", "--cloud-start-seconds"];

    public BenchOptions Common { get; private set; } = null!;
    public bool Restart { get; private set; } = true;

    public string CloudDll => Common.CloudDll;

    /// <summary>Takes one of the scenario's own flags; false when it has no such flag.</summary>
    protected abstract bool Take(string flag, string value);

    /// <summary>What the scenario's flags must agree on, once all are read.</summary>
    protected virtual void Check()
    {
    }

    protected void Read(string[] args, string usage)
    {
        var common = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (flag == "--keep") { common.Add(flag); continue; }
            if (flag == "--no-restart") { Restart = false; continue; }
            if (i + 1 >= args.Length) throw new UsageException($"{flag} needs a value.\n{usage}");
            var value = args[++i];
            if (CommonFlags.Contains(flag)) { common.Add(flag); common.Add(value); continue; }
            if (!Take(flag, value)) throw new UsageException($"Unknown flag {flag}.\n{usage}");
        }
        Check();
        Common = BenchOptions.Parse([.. common]);
    }

    protected static int WholeNumber(string flag, string value, int least) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= least
            ? number
            : throw new UsageException($"{flag} needs a whole number of at least {least}, not \"{value}\".");
}

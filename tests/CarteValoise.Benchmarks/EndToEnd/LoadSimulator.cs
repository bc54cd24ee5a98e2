using System.Globalization;
using CarteValoise.Benchmarks.Processes;

namespace CarteValoise.Benchmarks.EndToEnd;

/// <summary>
/// One run of the reader box's load simulator (`CarteValoise.Edge simulate`) as its own process:
/// N virtual boxes, each with its own outbox and stream, against the silo; its last line carries
/// the figures.
/// </summary>
public static class LoadSimulator
{
    /// <summary>How long the simulator waits for the last acks after it stops tapping.</summary>
    private const int DrainTimeoutSeconds = 60;

    /// <param name="SchoolId">
    /// The simulator's --school. The silo decides each box's school from its enrolment and sends
    /// that school's roster, whose cards the box then taps; this value is the box's own setting only.
    /// </param>
    public sealed record Run(string Name, int Boxes, double TapsPerSecond, double Seconds, string BoxPrefix, string SchoolId);

    /// <summary>The simulator's figures, and what its process spent (read as it printed them).</summary>
    public static Task<(SimulateResult Result, ProcessCounters Spent)> RunAsync(string edgeDll, CloudSilo cloud, Run run, string secret, string workDirectory, string logDirectory) =>
        RunAsync(edgeDll, cloud.AddressText, run, secret, workDirectory, logDirectory);

    /// <param name="cloudAddresses">The simulator's --cloud: one address, or silos' addresses separated by commas, the first tried first.</param>
    public static async Task<(SimulateResult Result, ProcessCounters Spent)> RunAsync(string edgeDll, string cloudAddresses, Run run, string secret, string workDirectory, string logDirectory)
    {
        if (!File.Exists(edgeDll)) throw new FileNotFoundException($"The edge program is not built: {edgeDll}.");
        // The simulator's outboxes go where the benchmark cleans up.
        var runDirectory = Directory.CreateDirectory(Path.Combine(workDirectory, run.Name)).FullName;
        string[] arguments =
        [
            "simulate",
            "--boxes", run.Boxes.ToString(CultureInfo.InvariantCulture),
            "--taps-per-second", run.TapsPerSecond.ToString(CultureInfo.InvariantCulture),
            "--duration", run.Seconds.ToString(CultureInfo.InvariantCulture),
            "--cloud", cloudAddresses,
            "--box-prefix", run.BoxPrefix,
            "--secret", secret,
            "--school", run.SchoolId,
            "--root", runDirectory,
            "--drain-timeout", DrainTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ];
        using var process = ChildProcess.Start(run.Name, edgeDll, arguments, new Dictionary<string, string>(), runDirectory, logDirectory);
        // The run itself, then time to connect the boxes, get their rosters and wait for the last acks.
        var patience = TimeSpan.FromSeconds(run.Seconds + DrainTimeoutSeconds + 90);
        var line = await process.WaitForLineAsync(SimulateResult.IsResultLine, "its SIMULATE line", patience);
        var spent = process.Counters();
        await process.WaitForExitAsync(TimeSpan.FromSeconds(15));
        return (SimulateResult.Parse(line), spent);
    }
}

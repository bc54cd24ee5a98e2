using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Platform;

/// <summary>How one run of a reader box is set up; a restart on the same data directory is a new run.</summary>
public sealed record EdgeBoxRun(DemoBox Box, string DataDirectory, IReadOnlyList<string> CardUids, double TapsPerSecond)
{
    /// <summary>
    /// A box that has no credential yet: it is given only this one-time code (Box:EnrolmentCode)
    /// and exchanges it with the cloud for its id and secret. <see cref="Box"/> then names the box
    /// the agent created, whose id the box is expected to announce.
    /// </summary>
    public string? EnrolmentCode { get; init; }

    /// <summary>Any other setting, as environment variables (Box__Uplink__BatchSize…).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>A box the agent created for a school and that enrols itself with the code it was given.</summary>
    public static EdgeBoxRun Enrolling(string boxId, string schoolId, string code, string dataDirectory, IReadOnlyList<string> cardUids, double tapsPerSecond) =>
        new(new DemoBox(boxId, schoolId, Secret: ""), dataDirectory, cardUids, tapsPerSecond) { EnrolmentCode = code };
}

/// <summary>A running reader box process and what it said: its taps and the cloud's acknowledgements.</summary>
public sealed class EdgeBox(RunningProcess process)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public RunningProcess Process { get; } = process;

    public IReadOnlyList<TapLine> Taps =>
        Process.Log.StandardOutput.Select(TapLine.TryParse).OfType<TapLine>().ToList();

    public long AcknowledgedThrough =>
        Process.Log.StandardOutput.Select(TapLine.TryParseAck).Max() ?? 0;

    public Task WaitUntilReadyAsync(string boxId) =>
        Process.Log.WaitForLineAsync(line => line.Contains($"BOX READY box={boxId}", StringComparison.Ordinal),
            $"\"BOX READY box={boxId}\"", TimeSpan.FromSeconds(120));

    public async Task<TapLine> WaitForTapAsync(Func<TapLine, bool> matches, string description) =>
        TapLine.TryParse(await Process.Log.WaitForLineAsync(
            line => TapLine.TryParse(line) is { } tap && matches(tap), $"a TAP line {description}", Patience))!;

    /// <summary>Until this run has printed so many taps.</summary>
    public Task WaitForTapCountAsync(int count)
    {
        var seen = 0;
        return Process.Log.WaitForLineAsync(line => TapLine.TryParse(line) is not null && ++seen >= count, $"{count} TAP lines", Patience);
    }

    /// <summary>The cloud has said that every tap up to this sequence number is durable.</summary>
    public Task WaitForAckAsync(long through) =>
        Process.Log.WaitForLineAsync(line => TapLine.TryParseAck(line) >= through, $"\"ACK through=n\" with n >= {through}", Patience);

    /// <summary>Until the box has logged so many lines that match (its logs go to standard error).</summary>
    public Task WaitForLogCountAsync(Func<string, bool> matches, int count, string description)
    {
        var seen = 0;
        return Process.Log.WaitForErrorLineAsync(line => matches(line) && ++seen >= count, $"{count} log lines {description}", Patience);
    }
}

using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Platform;

/// <summary>How one run of a reader box is set up; a restart on the same data directory is a new run.</summary>
public sealed record EdgeBoxRun(DemoBox Box, string DataDirectory, IReadOnlyList<string> CardUids, double TapsPerSecond);

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
}

using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// A reader that sends garbage between good reads (a flaky antenna, a keyboard-wedge typing noise)
/// must not take the box down: each bad read is refused and logged, and the children behind it
/// keep being served.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MalformedReadsTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Garbage = "ZZ-not-a-card";
    private const int GoodTaps = 6;

    [Fact]
    public Task A_malformed_uid_is_rejected_and_logged_and_the_box_keeps_tapping_the_good_card() => platform.RunAsync(output, async () =>
    {
        var goodCard = Demo.CergyCard(6, 1);
        // The simulated reader alternates: garbage, the good card, garbage, the good card…
        var run = new EdgeBoxRun(platform.MalformedReadsBox, platform.NewDataDirectory("malformed-reads-box"), [Garbage, goodCard], TapsPerSecond: 10);
        var box = await platform.StartEdgeBoxAsync("box with a reader sending garbage", run);

        await box.WaitForTapCountAsync(GoodTaps);
        // Each good tap came after a bad read, which the box logged.
        await box.WaitForLogCountAsync(line => line.Contains(Garbage, StringComparison.Ordinal), GoodTaps, $"naming the rejected read \"{Garbage}\"");
        Assert.False(box.Process.Log.HasEnded, "The box stopped after the malformed reads.");
        var rejection = box.Process.Log.StandardError.First(line => line.Contains(Garbage, StringComparison.Ordinal));
        output.WriteLine($"The box logged: {rejection.Trim()}");
        Assert.Contains("invalide", rejection, StringComparison.Ordinal);
        await box.Process.KillAsync();

        var taps = box.Taps;
        Assert.All(taps, tap => Assert.Equal(goodCard, tap.CardUid));
        // Numbered 1, 2, 3… with no hole: a bad read takes no sequence number and writes nothing.
        Assert.Equal(Enumerable.Range(1, taps.Count).Select(n => (long)n), taps.Select(t => t.Sequence));
        Assert.DoesNotContain(box.Process.Log.StandardOutput, line => line.Contains(Garbage, StringComparison.Ordinal));
    });
}

using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;

namespace CarteValoise.EndToEnd.Tests.ReaderBox;

/// <summary>
/// The box's TAP lines against the taps the cloud holds. A box numbers its taps 1, 2, 3… and the
/// cloud says every number through D is durable; when every tap of the box is a card of the
/// families read, the cloud must hold exactly D taps: each printed one once, and nothing else but
/// the taps a box wrote to disk and was killed before printing — those fall between the last line
/// of one run and the first of the next, never inside a run, and they too reach the cloud once.
/// </summary>
public static class TapAccounting
{
    /// <param name="runs">The TAP lines of each run of the box, in the order the runs were started.</param>
    public static void AssertCloudHoldsEachTapOnce(IReadOnlyList<IReadOnlyList<TapLine>> runs, IReadOnlyList<TapInCloud> inCloud, long durableThrough)
    {
        var printed = runs.SelectMany(run => run).ToList();
        var numberedTwice = printed.GroupBy(t => t.Sequence).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(numberedTwice.Count == 0, $"The box printed these sequence numbers twice: {string.Join(", ", numberedTwice)}.");

        var heldTwice = inCloud.GroupBy(t => t.ReadAt).Where(g => g.Count() > 1).Select(g => $"{g.Key.UtcDateTime:O} ×{g.Count()}").ToList();
        Assert.True(heldTwice.Count == 0, $"Taps held more than once by the cloud: {string.Join(", ", heldTwice)}.");

        var held = inCloud.Select(t => t.ReadAt).ToHashSet();
        var durable = printed.Where(t => t.Sequence <= durableThrough).ToList();
        var lost = durable.Where(t => !held.Contains(t.ReadAt)).Select(t => t.ToString()).ToList();
        Assert.True(lost.Count == 0, $"The cloud says taps through {durableThrough} are durable, but holds none of these {lost.Count} printed taps: {string.Join("; ", lost)}.");

        var early = printed.Where(t => t.Sequence > durableThrough && held.Contains(t.ReadAt)).Select(t => t.ToString()).ToList();
        Assert.True(early.Count == 0, $"The cloud holds taps past its durable sequence {durableThrough}: {string.Join("; ", early)}.");

        var printedNumbers = printed.Select(t => t.Sequence).ToHashSet();
        var unprinted = Enumerable.Range(1, (int)durableThrough).Select(n => (long)n).Where(n => !printedNumbers.Contains(n)).ToList();
        var silentInsideRun = unprinted
            .Where(n => runs.Any(run => run.Count > 0 && run.Min(t => t.Sequence) < n && n < run.Max(t => t.Sequence)))
            .ToList();
        Assert.True(silentInsideRun.Count == 0,
            $"The box kept running past taps {string.Join(", ", silentInsideRun)} without printing them: a tap without feedback.");

        Assert.True(inCloud.Count == durableThrough,
            $"The box's taps are numbered 1 to {durableThrough} and all durable, so the cloud must hold {durableThrough} of them; it holds {inCloud.Count} " +
            $"({durable.Count} printed by the box, {unprinted.Count} written to its disk by a run killed before printing them).");
    }
}

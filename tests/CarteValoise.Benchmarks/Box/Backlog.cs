using System.Diagnostics;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CarteValoise.Benchmarks.Box;

/// <summary>
/// A box's outbox after a week offline: the given number of taps on a school's demo cards, spread
/// over the last seven days, written through the box's own <see cref="TapOutbox"/> so the file is
/// exactly what a box would hold. The first tap of a card on a Paris day is a meal, the others
/// "already served". Written once, then copied for each drain.
/// </summary>
public static class Backlog
{
    private const int InFlight = 4096;

    public sealed record Result(double TapsPerSecond, long Taps, double Seconds);

    public static async Task<Result> WriteAsync(string directory, string schoolId, int taps)
    {
        var cards = DemoCards.Of(schoolId);
        var end = DateTimeOffset.UtcNow.AddMinutes(-1);
        var step = TimeSpan.FromDays(7) / taps;
        var served = new HashSet<(string Card, DateOnly Day)>();
        using var store = BoxStore.Open(directory, NullLogger<BoxStore>.Instance);
        var outbox = new TapOutbox(store);
        var started = Stopwatch.GetTimestamp();
        var written = new List<Task<long>>(InFlight);
        for (var i = 0; i < taps; i++)
        {
            var card = cards[i % cards.Count];
            var readAt = end - step * (taps - i);
            var decision = served.Add((card, ParisDay.Of(readAt))) ? Decision.Accepted : Decision.AlreadyServed;
            written.Add(outbox.AppendAsync(card, readAt, decision, TapService.Canteen));
            if (written.Count == InFlight)
            {
                await Task.WhenAll(written);
                written.Clear();
            }
        }
        await Task.WhenAll(written);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Result(taps / seconds, taps, seconds);
    }

    /// <summary>A copy of a closed box's files, so that each drain starts from the same backlog.</summary>
    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}

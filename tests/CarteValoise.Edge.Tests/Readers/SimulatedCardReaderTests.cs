using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Readers;

public class SimulatedCardReaderTests
{
    // Says when the reader looked at it, so the test knows a tick has been dealt with.
    private sealed class Roster : IKnownCards
    {
        private readonly System.Threading.Channels.Channel<bool> _looked = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        private IReadOnlyList<string> _cards = [];

        public IReadOnlyList<string> CardUids
        {
            get
            {
                _looked.Writer.TryWrite(true);
                return _cards;
            }
        }

        public void Set(params string[] cards) => _cards = cards;

        public Task LookedAsync() => _looked.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 4, 1, 10, 0, 0, TimeSpan.Zero));

    private SimulatedCardReader Reader(double tapsPerSecond, string[] cards, IKnownCards roster) =>
        new(new SimulatedReaderOptions { TapsPerSecond = tapsPerSecond, CardUids = cards }, roster, _time, new ListLogger<SimulatedCardReader>());

    // Advance the fake clock until the pending read arrives; the reader's timer is armed by then.
    private async Task<CardRead> NextAsync(IAsyncEnumerator<CardRead> reads, TimeSpan step)
    {
        var next = reads.MoveNextAsync();
        _time.Advance(step);
        Assert.True(await next.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        return reads.Current;
    }

    [Fact]
    public async Task It_taps_the_configured_cards_in_turn_at_the_configured_rate()
    {
        var start = _time.GetUtcNow();
        await using var reads = Reader(2, ["04a1b2c3", "04D4E5F6"], new Roster()).ReadAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.Equal(new CardRead("04a1b2c3", start.AddMilliseconds(500)), await NextAsync(reads, TimeSpan.FromMilliseconds(500)));
        Assert.Equal(new CardRead("04D4E5F6", start.AddMilliseconds(1000)), await NextAsync(reads, TimeSpan.FromMilliseconds(500)));
        Assert.Equal(new CardRead("04a1b2c3", start.AddMilliseconds(1500)), await NextAsync(reads, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Without_a_list_it_taps_the_cards_of_the_roster_once_there_is_one()
    {
        var roster = new Roster();
        var start = _time.GetUtcNow();
        await using var reads = Reader(1, [], roster).ReadAsync(CancellationToken.None).GetAsyncEnumerator();

        var next = reads.MoveNextAsync();
        _time.Advance(TimeSpan.FromSeconds(1)); // no card anywhere: nothing is tapped
        await roster.LookedAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        await roster.LookedAsync();
        Assert.False(next.IsCompleted);

        roster.Set("04A1B2C3");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(new CardRead("04A1B2C3", start.AddSeconds(3)), reads.Current);
    }

    [Fact]
    public async Task Stopping_the_box_ends_the_reads_quietly()
    {
        using var stop = new CancellationTokenSource();
        await using var reads = Reader(1, ["04A1B2C3"], new Roster()).ReadAsync(stop.Token).GetAsyncEnumerator();
        var next = reads.MoveNextAsync();
        stop.Cancel();
        Assert.False(await next.AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Tests.Readers;

public class DebounceTests
{
    private static readonly DateTimeOffset Noon = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public void The_same_card_again_within_the_window_is_the_same_tap()
    {
        var debouncer = new Debouncer(Window);
        Assert.True(debouncer.IsNewTap("04A1B2C3", Noon));
        Assert.False(debouncer.IsNewTap("04A1B2C3", Noon.AddMilliseconds(300)));
        Assert.False(debouncer.IsNewTap("04A1B2C3", Noon.AddMilliseconds(1999)));
    }

    [Fact]
    public void The_same_card_after_the_window_is_a_new_tap()
    {
        var debouncer = new Debouncer(Window);
        Assert.True(debouncer.IsNewTap("04A1B2C3", Noon));
        Assert.True(debouncer.IsNewTap("04A1B2C3", Noon.AddSeconds(2)));
    }

    [Fact]
    public void A_card_left_on_the_reader_counts_once_however_long_it_stays()
    {
        var debouncer = new Debouncer(Window);
        var taps = Enumerable.Range(0, 100).Count(i => debouncer.IsNewTap("04A1B2C3", Noon.AddMilliseconds(100 * i)));
        Assert.Equal(1, taps);
    }

    [Fact]
    public void Another_card_is_never_held_back_by_the_previous_one()
    {
        var debouncer = new Debouncer(Window);
        Assert.True(debouncer.IsNewTap("04A1B2C3", Noon));
        Assert.True(debouncer.IsNewTap("04D4E5F6", Noon.AddMilliseconds(100)));
        Assert.False(debouncer.IsNewTap("04A1B2C3", Noon.AddMilliseconds(200)));
    }

    [Fact]
    public async Task Reads_become_taps_valid_normalised_and_debounced_and_garbage_is_logged_not_thrown()
    {
        var reader = new ScriptedCardReader();
        var logger = new ListLogger<DebounceTests>();
        reader.Present("04:a1:b2:c3", Noon);
        reader.Present("04A1B2C3", Noon.AddMilliseconds(500));       // same card, other spelling, same tap
        reader.Present("n'importe quoi", Noon.AddMilliseconds(600)); // a wedge typing garbage
        reader.Present("04d4e5f6", Noon.AddSeconds(1));
        reader.Present("04A1B2C3", Noon.AddSeconds(5));             // later: a new tap
        reader.Unplug();

        var taps = new List<CardTap>();
        await foreach (var tap in CardTaps.From(reader, Window, logger, CancellationToken.None)) taps.Add(tap);

        Assert.Equal(
            [new CardTap("04A1B2C3", Noon), new CardTap("04D4E5F6", Noon.AddSeconds(1)), new CardTap("04A1B2C3", Noon.AddSeconds(5))],
            taps);
        var warning = Assert.Single(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("« n'importe quoi »", warning.Message);
    }
}

using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Tests.Decisions;

/// <summary>The canteen at the reader, from the roster on the box's disk to the printed line.</summary>
public class TapRecorderTests : IDisposable
{
    // 10:00 UTC on 1 April 2025 is noon in Paris.
    private static readonly DateTimeOffset Noon = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly April1 = new(2025, 4, 1);

    private readonly TempDirectory _directory = new();
    private BoxStore _store;
    private TapRecorder _recorder;

    public TapRecorderTests() => (_store, _recorder) = Open();

    private (BoxStore, TapRecorder) Open()
    {
        var store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());
        return (store, new TapRecorder(store, new TapOutbox(store)));
    }

    private void Restart()
    {
        _store.Dispose();
        (_store, _recorder) = Open();
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    private Task ApplyRoster(DateOnly day) => new RosterCache(_store).ApplyAsync(new RosterUpdate(
        Version: 1,
        Full: true,
        [
            new RosterChild("04A1B2C3", "child-lea", "Léa", CanteenToday: true, AllergyPlan: false, Blocked: false),
            new RosterChild("04D4E5F6", "child-hugo", "Hugo", CanteenToday: true, AllergyPlan: true, Blocked: false),
            new RosterChild("04112233", "child-ines", "Inès", CanteenToday: false, AllergyPlan: false, Blocked: false),
            new RosterChild("04445566", "child-tom", "Tom", CanteenToday: true, AllergyPlan: false, Blocked: true),
            new RosterChild("04778899", "child-lea", "Léa", CanteenToday: true, AllergyPlan: false, Blocked: false), // Léa's new card
        ],
        [],
        "École Jules Ferry",
        day));

    private static string Line(RecordedTap tap)
    {
        var writer = new StringWriter();
        new BoxOutput(writer).Tap(tap);
        return writer.ToString().TrimEnd();
    }

    private async Task<string> Tap(string uid, DateTimeOffset at) => Line(await _recorder.RecordAsync(new CardTap(uid, at)));

    [Fact]
    public async Task Each_decision_of_the_canteen_as_the_box_prints_it()
    {
        await ApplyRoster(April1);

        Assert.Equal("TAP seq=1 uid=04A1B2C3 at=2025-04-01T10:00:00.0000000+00:00 decision=Accepted child=Léa", await Tap("04A1B2C3", Noon));
        Assert.Equal("TAP seq=2 uid=04A1B2C3 at=2025-04-01T10:00:05.0000000+00:00 decision=AlreadyServed child=Léa", await Tap("04A1B2C3", Noon.AddSeconds(5)));
        Assert.Equal("TAP seq=3 uid=04778899 at=2025-04-01T10:00:06.0000000+00:00 decision=AlreadyServed child=Léa", await Tap("04778899", Noon.AddSeconds(6)));
        Assert.Equal("TAP seq=4 uid=04D4E5F6 at=2025-04-01T10:00:07.0000000+00:00 decision=Accepted child=Hugo alert=PAI", await Tap("04D4E5F6", Noon.AddSeconds(7)));
        Assert.Equal("TAP seq=5 uid=04112233 at=2025-04-01T10:00:08.0000000+00:00 decision=NotExpected child=Inès", await Tap("04112233", Noon.AddSeconds(8)));
        Assert.Equal("TAP seq=6 uid=04445566 at=2025-04-01T10:00:09.0000000+00:00 decision=BlockedCard child=Tom", await Tap("04445566", Noon.AddSeconds(9)));
        Assert.Equal("TAP seq=7 uid=04FFFFFF at=2025-04-01T10:00:10.0000000+00:00 decision=UnknownCard", await Tap("04FFFFFF", Noon.AddSeconds(10)));
    }

    [Fact]
    public async Task A_served_child_is_still_served_after_the_box_restarts()
    {
        await ApplyRoster(April1);
        Assert.EndsWith("decision=Accepted child=Léa", await Tap("04A1B2C3", Noon));

        Restart();

        Assert.Equal("TAP seq=2 uid=04A1B2C3 at=2025-04-01T10:30:00.0000000+00:00 decision=AlreadyServed child=Léa", await Tap("04A1B2C3", Noon.AddMinutes(30)));
    }

    [Fact]
    public async Task Two_taps_of_the_same_child_at_the_same_moment_feed_the_child_once()
    {
        await ApplyRoster(April1);
        var taps = await Task.WhenAll(
            _recorder.RecordAsync(new CardTap("04A1B2C3", Noon)),
            _recorder.RecordAsync(new CardTap("04778899", Noon)));
        Assert.Equal([Decision.Accepted, Decision.AlreadyServed], taps.Select(t => t.Decision));
    }

    [Fact]
    public async Task The_day_is_the_day_in_Paris()
    {
        await ApplyRoster(April1);
        // 22:30 UTC on 31 March is 00:30 on 1 April in Paris: the roster's day.
        Assert.EndsWith("decision=Accepted child=Léa", await Tap("04A1B2C3", new DateTimeOffset(2025, 3, 31, 22, 30, 0, TimeSpan.Zero)));
        Assert.EndsWith("decision=AlreadyServed child=Léa", await Tap("04A1B2C3", Noon));
    }

    [Fact]
    public async Task Offline_since_the_day_before_the_box_feeds_each_known_child_once_a_day()
    {
        await ApplyRoster(April1);
        var nextDay = Noon.AddDays(1);
        Assert.EndsWith("decision=Accepted child=Léa", await Tap("04A1B2C3", Noon));
        Assert.EndsWith("decision=Accepted child=Léa", await Tap("04A1B2C3", nextDay));
        Assert.EndsWith("decision=Accepted child=Inès", await Tap("04112233", nextDay)); // yesterday's flags do not say
        Assert.EndsWith("decision=AlreadyServed child=Inès", await Tap("04112233", nextDay.AddMinutes(1)));
        Assert.EndsWith("decision=BlockedCard child=Tom", await Tap("04445566", nextDay));
    }

    [Fact]
    public async Task Before_any_roster_every_card_is_unknown()
    {
        Assert.Equal("TAP seq=1 uid=04A1B2C3 at=2025-04-01T10:00:00.0000000+00:00 decision=UnknownCard", await Tap("04A1B2C3", Noon));
    }
}

using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Tests.Decisions;

/// <summary>The périscolaire at the reader (Box:Mode=Care): arrivals and departures, with their times.</summary>
public class CareRecorderTests : IDisposable
{
    // 14:30 UTC on 1 April 2025 is 16:30 in Paris.
    private static readonly DateTimeOffset HalfPastFour = new(2025, 4, 1, 14, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private BoxStore _store;
    private TapRecorder _recorder;

    public CareRecorderTests() => (_store, _recorder) = Open();

    private (BoxStore, TapRecorder) Open()
    {
        var store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());
        return (store, new TapRecorder(store, new TapOutbox(store), BoxMode.Care));
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    private Task ApplyRoster() => new RosterCache(_store).ApplyAsync(new RosterUpdate(1, true,
        [
            new RosterChild("04A1B2C3", "child-lea", "Léa", CanteenToday: false, AllergyPlan: false, Blocked: false, CareToday: true),
            new RosterChild("04778899", "child-lea", "Léa", CanteenToday: false, AllergyPlan: false, Blocked: false, CareToday: true), // Léa's new card
            new RosterChild("04D4E5F6", "child-hugo", "Hugo", CanteenToday: true, AllergyPlan: true, Blocked: false, CareToday: true),
            new RosterChild("04112233", "child-ines", "Inès", CanteenToday: true, AllergyPlan: false, Blocked: false, CareToday: false),
            new RosterChild("04445566", "child-tom", "Tom", CanteenToday: true, AllergyPlan: false, Blocked: true, CareToday: true),
        ],
        [], "École Jules Ferry", new DateOnly(2025, 4, 1)));

    // The TAP line, then the staff's line, as the box prints them.
    private async Task<string[]> Tap(string uid, DateTimeOffset at)
    {
        var tap = await _recorder.RecordAsync(new CardTap(uid, at));
        var writer = new StringWriter();
        new BoxOutput(writer).Tap(tap);
        new ConsoleFeedback(writer).Show(tap);
        return writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task A_child_taps_in_then_out_then_in_again_each_with_the_time_in_Paris()
    {
        await ApplyRoster();

        Assert.Equal(
            ["TAP seq=1 uid=04A1B2C3 at=2025-04-01T14:30:00.0000000+00:00 decision=Accepted child=Léa service=CareCheckIn",
             "[OK] Bonjour Léa : arrivée au périscolaire à 16h30."],
            await Tap("04A1B2C3", HalfPastFour));
        Assert.Equal(
            ["TAP seq=2 uid=04778899 at=2025-04-01T16:05:00.0000000+00:00 decision=Accepted child=Léa service=CareCheckOut",
             "[OK] Au revoir Léa : départ du périscolaire à 18h05."],
            await Tap("04778899", HalfPastFour.AddMinutes(95))); // her other card: the same child
        Assert.Equal(
            ["TAP seq=3 uid=04A1B2C3 at=2025-04-01T16:10:00.0000000+00:00 decision=Accepted child=Léa service=CareCheckIn",
             "[OK] Bonjour Léa : arrivée au périscolaire à 18h10."],
            await Tap("04A1B2C3", HalfPastFour.AddMinutes(100)));
    }

    [Fact]
    public async Task Children_not_enrolled_today_unknown_and_blocked_cards_are_refused_and_an_allergy_plan_is_said()
    {
        await ApplyRoster();

        Assert.Equal(
            ["TAP seq=1 uid=04112233 at=2025-04-01T14:30:00.0000000+00:00 decision=NotExpected child=Inès service=CareCheckIn",
             "[REFUS] Inès n'est pas inscrit(e) au périscolaire aujourd'hui."],
            await Tap("04112233", HalfPastFour));
        Assert.Equal(
            ["TAP seq=2 uid=04FFFFFF at=2025-04-01T14:30:01.0000000+00:00 decision=UnknownCard service=CareCheckIn",
             "[REFUS] Carte inconnue (04FFFFFF)."],
            await Tap("04FFFFFF", HalfPastFour.AddSeconds(1)));
        Assert.Equal(
            ["TAP seq=3 uid=04445566 at=2025-04-01T14:30:02.0000000+00:00 decision=BlockedCard child=Tom service=CareCheckIn",
             "[REFUS] Carte bloquée (04445566) : voir la mairie."],
            await Tap("04445566", HalfPastFour.AddSeconds(2)));
        Assert.Equal(
            ["TAP seq=4 uid=04D4E5F6 at=2025-04-01T14:30:03.0000000+00:00 decision=Accepted child=Hugo service=CareCheckIn alert=PAI",
             "[OK] Bonjour Hugo : arrivée au périscolaire à 16h30. ATTENTION : PAI (allergie), vérifier le goûter."],
            await Tap("04D4E5F6", HalfPastFour.AddSeconds(3)));
    }

    [Fact]
    public async Task A_restarted_box_still_knows_who_is_in_and_the_next_day_everyone_starts_out()
    {
        await ApplyRoster();
        await Tap("04A1B2C3", HalfPastFour);

        _store.Dispose();
        (_store, _recorder) = Open();

        Assert.EndsWith("decision=Accepted child=Léa service=CareCheckOut", (await Tap("04A1B2C3", HalfPastFour.AddHours(1)))[0]);
        Assert.EndsWith("decision=Accepted child=Léa service=CareCheckIn", (await Tap("04A1B2C3", HalfPastFour.AddHours(2)))[0]);
        // Never checked out that evening; the next morning is an arrival again.
        Assert.EndsWith("decision=Accepted child=Léa service=CareCheckIn", (await Tap("04A1B2C3", HalfPastFour.AddHours(17)))[0]);
    }

    [Fact]
    public async Task Offline_since_the_day_before_the_box_lets_a_known_child_in()
    {
        await ApplyRoster();
        Assert.EndsWith("decision=Accepted child=Inès service=CareCheckIn", (await Tap("04112233", HalfPastFour.AddDays(1)))[0]); // yesterday's flags do not say
    }

    [Fact]
    public async Task The_outbox_carries_the_arrival_and_the_departure_to_the_cloud()
    {
        await ApplyRoster();
        await Tap("04A1B2C3", HalfPastFour);
        await Tap("04A1B2C3", HalfPastFour.AddHours(1));

        var pending = await new TapOutbox(_store).ReadPendingAsync(0, 10);
        Assert.Equal(
            [
                new OutboxTap(1, "04A1B2C3", HalfPastFour, Decision.Accepted, TapService.CareCheckIn),
                new OutboxTap(2, "04A1B2C3", HalfPastFour.AddHours(1), Decision.Accepted, TapService.CareCheckOut),
            ],
            pending);
    }
}

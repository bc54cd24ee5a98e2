using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Tests.Reservations;

/// <summary>
/// The commune's default rules: reservations close 2 working days before at 12:00, cancellations
/// the day before at 18:00 (Europe/Paris), the zone C 2026-2027 school year.
/// </summary>
[Collection(StoryCollection.Name)]
public sealed class CutOffTests(StoryClusterFixture fixture)
{
    private static readonly IReadOnlyList<StandingReservation> NoStanding = [];

    [Fact]
    public async Task A_meal_is_reserved_until_the_cut_off_and_refused_one_minute_after_with_the_reason()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (lea, _) = await commune.AddChild(family, 1, "Léa", NoStanding);
        var (hugo, _) = await commune.AddChild(family, 2, "Hugo", NoStanding);
        var thursday = new DateOnly(2026, 12, 10);

        fixture.StartAt(new DateTime(2026, 12, 8, 11, 59, 0));
        var onTime = await Child(lea).ChangeReservations("op-lea", [new(thursday, SchoolService.Canteen, true)], "parent");
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var late = await Child(hugo).ChangeReservations("op-hugo", [new(thursday, SchoolService.Canteen, true)], "parent");

        Assert.True(onTime.Applied);
        Assert.Null(Assert.Single(onTime.Outcomes).Refusal);
        Assert.False(late.Applied);
        Assert.Equal("Réservation close depuis le mardi 8 décembre 2026 à 12:00 pour le repas du jeudi 10 décembre 2026.",
            Assert.Single(late.Outcomes).Refusal);
        var plan = await fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId).GetDayPlan(thursday, SchoolService.Canteen);
        Assert.Equal([("Hugo", false), ("Léa", true)], plan.Select(p => (p.FirstName, p.Reserved)));
    }

    [Fact]
    public async Task A_Tuesday_after_the_clocks_go_forward_and_Easter_Monday_closes_on_the_Thursday_before_at_12_00_winter_time()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (lea, _) = await commune.AddChild(family, 1, "Léa", NoStanding);
        var (hugo, _) = await commune.AddChild(family, 2, "Hugo", NoStanding);
        // Easter Monday 29 March 2027 is no working day; the clocks go forward on Sunday 28 (UTC+1, then UTC+2).
        var tuesday = new DateOnly(2027, 3, 30);

        fixture.StartAt(new DateTime(2027, 3, 25, 11, 59, 0));
        Assert.Equal(new DateTimeOffset(2027, 3, 25, 10, 59, 0, TimeSpan.Zero), fixture.Time.GetUtcNow());
        var onTime = await Child(lea).ChangeReservations("op-lea", [new(tuesday, SchoolService.Canteen, true)], "parent");
        var calendar = await Child(hugo).GetCalendar(tuesday.AddDays(-1), tuesday);
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var late = await Child(hugo).ChangeReservations("op-hugo", [new(tuesday, SchoolService.Canteen, true)], "parent");

        Assert.True(onTime.Applied); // the service day's summer offset would have closed it at 10:00 UTC
        Assert.Equal("Réservation close depuis le jeudi 25 mars 2027 à 12:00 pour le repas du mardi 30 mars 2027.",
            Assert.Single(late.Outcomes).Refusal);
        Assert.Equal("Pas de cantine le lundi 29 mars 2027 : jour férié (Lundi de Pâques).",
            Assert.Single(calendar.Cells, c => c.Service == SchoolService.Canteen && !c.Runs).ClosedReason);
        var cell = Assert.Single(calendar.Cells, c => c.Service == SchoolService.Canteen && c.Day == tuesday);
        Assert.Equal((true, new DateTimeOffset(2027, 3, 25, 11, 0, 0, TimeSpan.Zero)), (cell.CanChange, cell.Deadline));
    }

    [Fact]
    public async Task Cancelling_after_the_clocks_go_forward_closes_at_18_00_summer_time_the_day_before()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (lea, _) = await commune.AddChild(family, 1, "Léa");
        var (hugo, _) = await commune.AddChild(family, 2, "Hugo");
        var thursday = new DateOnly(2027, 4, 1);

        fixture.StartAt(new DateTime(2027, 3, 31, 17, 59, 0)); // Paris is UTC+2 since Sunday
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 15, 59, 0, TimeSpan.Zero), fixture.Time.GetUtcNow());
        var onTime = await Child(lea).ChangeReservations("op-lea", [new(thursday, SchoolService.Canteen, false)], "parent");
        // 16:01 UTC: still before 18:00 for a clock left on winter time, past it in Paris.
        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var late = await Child(hugo).ChangeReservations("op-hugo", [new(thursday, SchoolService.Canteen, false)], "parent");

        Assert.True(onTime.Applied);
        Assert.Equal("Annulation close depuis le mercredi 31 mars 2027 à 18:00 pour le repas du jeudi 1er avril 2027.",
            Assert.Single(late.Outcomes).Refusal);
        var cell = Assert.Single((await Child(hugo).GetCalendar(thursday, thursday)).Cells, c => c.Service == SchoolService.Canteen);
        Assert.True(cell.Reserved);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero), cell.Deadline);
    }

    [Fact]
    public async Task The_public_holiday_is_not_a_working_day_so_a_Thursday_after_11_November_closes_on_Monday()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (lea, _) = await commune.AddChild(family, 1, "Léa", NoStanding);
        var (hugo, _) = await commune.AddChild(family, 2, "Hugo", NoStanding);
        var thursday = new DateOnly(2026, 11, 12);

        fixture.StartAt(new DateTime(2026, 11, 9, 11, 59, 0));
        var onTime = await Child(lea).ChangeReservations("op-lea", [new(thursday, SchoolService.Canteen, true)], "parent");
        fixture.Time.Advance(TimeSpan.FromMinutes(1)); // 12:00:00 is already too late
        var late = await Child(hugo).ChangeReservations("op-hugo", [new(thursday, SchoolService.Canteen, true)], "parent");
        var holiday = await Child(hugo).ChangeReservations("op-holiday", [new(new DateOnly(2026, 11, 11), SchoolService.WednesdayCare, true)], "parent");

        Assert.True(onTime.Applied);
        Assert.Equal("Réservation close depuis le lundi 9 novembre 2026 à 12:00 pour le repas du jeudi 12 novembre 2026.",
            Assert.Single(late.Outcomes).Refusal);
        Assert.Equal("Pas d'accueil du mercredi le mercredi 11 novembre 2026 : jour férié (Armistice 1918).",
            Assert.Single(holiday.Outcomes).Refusal);
    }

    [Fact]
    public async Task Nothing_runs_in_the_school_holidays_even_on_a_standing_day()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (lea, _) = await commune.AddChild(family, 1, "Léa");
        // Monday 26 October 2026, the day after the clocks went back, is in the Toussaint holidays.
        var monday = new DateOnly(2026, 10, 26);

        fixture.StartAt(new DateTime(2026, 10, 1, 9, 0, 0));
        var refused = await Child(lea).ChangeReservations("op-1", [new(monday, SchoolService.Canteen, true)], "parent");
        var calendar = await Child(lea).GetCalendar(monday, monday);

        Assert.False(refused.Applied);
        Assert.Equal("Pas de cantine le lundi 26 octobre 2026 : vacances de la Toussaint.", Assert.Single(refused.Outcomes).Refusal);
        var cell = Assert.Single(calendar.Cells, c => c.Service == SchoolService.Canteen);
        Assert.False(cell.Runs);
        Assert.False(cell.Reserved); // the standing Monday does not reach into the holidays
        Assert.Equal("Pas de cantine le lundi 26 octobre 2026 : vacances de la Toussaint.", cell.ClosedReason);
        Assert.False(cell.CanChange);
    }

    private IChildGrain Child(string childId) => fixture.Grains.GetGrain<IChildGrain>(childId);
}

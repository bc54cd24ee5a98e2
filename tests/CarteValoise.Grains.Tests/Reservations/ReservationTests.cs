using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Tests.Reservations;

/// <summary>Week of Monday 7 December 2026; the story starts on Friday 4 December at 09:00, before every cut-off of that week.</summary>
[Collection(StoryCollection.Name)]
public sealed class ReservationTests(StoryClusterFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateOnly Wednesday = new(2026, 12, 9);
    private static readonly DateOnly Thursday = new(2026, 12, 10);
    private static readonly DateOnly Friday = new(2026, 12, 11);
    private static readonly IReadOnlyList<StandingReservation> NoStanding = [];

    [Fact]
    public async Task A_day_without_the_service_is_refused_with_the_reason()
    {
        fixture.StartAt(new DateTime(2026, 12, 4, 9, 0, 0));
        var (child, _) = await OneChild(NoStanding);

        var result = await child.ChangeReservations("op-1", [new(Wednesday, SchoolService.Canteen, true)], "parent");

        Assert.False(result.Applied);
        Assert.Equal("Pas de cantine le mercredi 9 décembre 2026 : ce service ne fonctionne pas le mercredi.", Assert.Single(result.Outcomes).Refusal);
    }

    [Fact]
    public async Task A_set_with_one_refused_change_writes_nothing()
    {
        fixture.StartAt(new DateTime(2026, 12, 4, 9, 0, 0));
        var (child, commune) = await OneChild(NoStanding);

        var result = await child.ChangeReservations("op-1",
            [new(Thursday, SchoolService.Canteen, true), new(Wednesday, SchoolService.Canteen, true), new(Friday, SchoolService.EveningCare, true)], "parent");

        Assert.False(result.Applied);
        Assert.Equal([null, "Pas de cantine le mercredi 9 décembre 2026 : ce service ne fonctionne pas le mercredi.", null],
            result.Outcomes.Select(o => o.Refusal));
        var calendar = await child.GetCalendar(Monday, Friday);
        Assert.DoesNotContain(calendar.Cells, c => c.Reserved);
        var plan = await School(commune).GetDayPlan(Thursday, SchoolService.Canteen);
        Assert.False(Assert.Single(plan).Reserved);
        // Refused, so not remembered: the same id, corrected, is applied.
        var corrected = await child.ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, true)], "parent");
        Assert.True(corrected.Applied);
    }

    [Fact]
    public async Task The_same_operation_sent_twice_applies_once_and_a_late_resend_does_not_undo_a_later_change()
    {
        fixture.StartAt(new DateTime(2026, 12, 4, 9, 0, 0));
        var (child, commune) = await OneChild(NoStanding);
        ReservationChange[] reserve = [new(Thursday, SchoolService.Canteen, true)];

        var first = await child.ChangeReservations("op-reserve", reserve, "parent");
        var again = await child.ChangeReservations("op-reserve", reserve, "parent");
        Assert.True(first.Applied);
        Assert.Equal(first.Outcomes, again.Outcomes);
        Assert.True(Cell(await child.GetCalendar(Thursday, Thursday), SchoolService.Canteen).Reserved);

        Assert.True((await child.ChangeReservations("op-cancel", [new(Thursday, SchoolService.Canteen, false)], "parent")).Applied);
        var late = await child.ChangeReservations("op-reserve", reserve, "parent");

        Assert.True(late.Applied);
        Assert.False(Cell(await child.GetCalendar(Thursday, Thursday), SchoolService.Canteen).Reserved);
        Assert.False(Assert.Single(await School(commune).GetDayPlan(Thursday, SchoolService.Canteen)).Reserved);
    }

    [Fact]
    public async Task Asking_for_what_is_already_so_is_allowed_even_past_the_cut_off_and_changes_nothing()
    {
        fixture.StartAt(new DateTime(2026, 12, 10, 9, 0, 0)); // Thursday morning: every cut-off for that day has passed
        var (child, commune) = await OneChild(TestCommune.FourDayCanteen);
        var roster = await School(commune).GetRoster(0, Thursday);

        var result = await child.ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, true)], "parent");

        Assert.True(result.Applied);
        Assert.Null(Assert.Single(result.Outcomes).Refusal);
        Assert.True(Cell(await child.GetCalendar(Thursday, Thursday), SchoolService.Canteen).Reserved);
        Assert.True(Assert.Single(roster.Entries).CanteenToday);
        Assert.False((await School(commune).GetRoster(roster.Version, Thursday)).Changed);
    }

    [Fact]
    public async Task A_day_asked_twice_in_one_set_is_refused_and_an_empty_set_or_a_set_without_id_is_bad_input()
    {
        fixture.StartAt(new DateTime(2026, 12, 4, 9, 0, 0));
        var (child, _) = await OneChild(NoStanding);

        var twice = await child.ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, true), new(Thursday, SchoolService.Canteen, false)], "parent");
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => child.ChangeReservations("op-2", [], "parent"));
        var noId = await Assert.ThrowsAsync<ArgumentException>(() => child.ChangeReservations(" ", [new(Thursday, SchoolService.Canteen, true)], "parent"));

        Assert.Equal([null, "Le repas du jeudi 10 décembre 2026 est demandé deux fois dans la même demande."], twice.Outcomes.Select(o => o.Refusal));
        Assert.Equal("Aucun jour à réserver ou à annuler dans la demande.", empty.Message);
        Assert.Equal("La demande n'a pas d'identifiant d'opération.", noId.Message);
        Assert.False(Cell(await child.GetCalendar(Thursday, Thursday), SchoolService.Canteen).Reserved);
    }

    [Fact]
    public async Task The_school_forgets_single_days_more_than_a_week_old_when_it_next_writes_the_child_does_not()
    {
        fixture.StartAt(new DateTime(2026, 12, 7, 10, 0, 0));
        var (child, commune) = await OneChild(TestCommune.FourDayCanteen);
        await child.ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, false)], "parent");

        fixture.Time.Advance(TimeSpan.FromDays(11)); // Friday 18 December: Thursday 10 is eight days old
        await child.ChangeReservations("op-2", [new(new DateOnly(2027, 1, 7), SchoolService.Canteen, false)], "parent");

        Assert.True(Assert.Single(await School(commune).GetDayPlan(Thursday, SchoolService.Canteen)).Reserved);
        Assert.False(Assert.Single(await School(commune).GetDayPlan(new DateOnly(2027, 1, 7), SchoolService.Canteen)).Reserved);
        Assert.DoesNotContain((await child.GetMonthUses(new DateOnly(2026, 12, 1))).Reserved, u => u.Day == Thursday);
    }

    [Fact]
    public async Task Cancelling_a_standing_day_takes_the_child_off_that_days_roster_only()
    {
        fixture.StartAt(new DateTime(2026, 12, 7, 10, 0, 0));
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (lea, leaCard) = await commune.AddChild(family, 1, "Léa");
        await commune.AddChild(family, 2, "Hugo");
        var school = School(commune);
        var before = await school.GetRoster(0, Thursday);

        var result = await Child(lea).ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, false)], "parent");

        Assert.True(result.Applied);
        var delta = await school.GetRoster(before.Version, Thursday);
        Assert.False(delta.Full);
        var entry = Assert.Single(delta.Entries);
        Assert.Equal((leaCard, false), (entry.CardUid, entry.CanteenToday));
        var friday = await school.GetRoster(0, Friday);
        Assert.All(friday.Entries, e => Assert.True(e.CanteenToday));
        var plan = await school.GetDayPlan(Thursday, SchoolService.Canteen);
        Assert.Equal([("Hugo", true), ("Léa", false)], plan.Select(p => (p.FirstName, p.Reserved)));
    }

    [Fact]
    public async Task Below_the_floor_a_reservation_is_refused_until_the_account_is_topped_up_but_a_cancellation_is_not()
    {
        fixture.StartAt(new DateTime(2026, 12, 4, 9, 0, 0));
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700); // nothing on the account, no overdraft allowed
        var (lea, _) = await commune.AddChild(familyId, 1, "Léa");
        var child = Child(lea);
        // Friday's meal is served and debited whatever the balance: 2,50 €.
        await child.RecordTaps([new ChildTap("B1:1", new DateTimeOffset(2026, 12, 4, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true)]);

        var refused = await child.ChangeReservations("op-1", [new(Wednesday, SchoolService.WednesdayCare, true)], "parent");
        var cancelled = await child.ChangeReservations("op-2", [new(Thursday, SchoolService.Canteen, false)], "parent");
        await fixture.Grains.GetGrain<IFamilyGrain>(familyId).Credit("topup-1", 1000, "Paiement en ligne");
        var allowed = await child.ChangeReservations("op-1", [new(Wednesday, SchoolService.WednesdayCare, true)], "parent");

        Assert.Equal("Réservation refusée : le solde (-2,50 €) est en dessous du découvert autorisé (0,00 €). Rechargez le compte pour réserver.",
            Assert.Single(refused.Outcomes).Refusal);
        Assert.True(cancelled.Applied);
        Assert.True(allowed.Applied);
    }

    [Fact]
    public async Task The_calendar_says_for_each_day_and_service_what_runs_what_is_reserved_what_was_taken_and_until_when_it_changes()
    {
        fixture.StartAt(new DateTime(2026, 12, 7, 10, 0, 0)); // Monday 7 December, 10:00
        var (child, commune) = await OneChild(TestCommune.FourDayCanteen);
        await child.RecordTaps([
            new ChildTap("B1:1", new DateTimeOffset(2026, 12, 7, 7, 20, 0, TimeSpan.Zero), commune.SchoolId, TapService.CareCheckIn, true),
            new ChildTap("B1:2", new DateTimeOffset(2026, 12, 7, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
        ]);

        var calendar = await child.GetCalendar(Monday, new DateOnly(2026, 12, 13));

        Assert.Equal(7 * 4, calendar.Cells.Count);
        Assert.Equal(
            new CalendarCell(Monday, SchoolService.Canteen, true, null, Reserved: true, Taken: true, CanChange: false,
                "Annulation close depuis le dimanche 6 décembre 2026 à 18:00 pour le repas du lundi 7 décembre 2026.",
                new DateTimeOffset(2026, 12, 6, 17, 0, 0, TimeSpan.Zero)),
            Cell(calendar, SchoolService.Canteen, Monday));
        Assert.Equal(
            new CalendarCell(Monday, SchoolService.MorningCare, true, null, Reserved: false, Taken: true, CanChange: false,
                "Réservation close depuis le jeudi 3 décembre 2026 à 12:00 pour l'accueil du matin du lundi 7 décembre 2026.",
                new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero)),
            Cell(calendar, SchoolService.MorningCare, Monday));
        Assert.Equal(
            new CalendarCell(Wednesday, SchoolService.Canteen, false, "Pas de cantine le mercredi 9 décembre 2026 : ce service ne fonctionne pas le mercredi.",
                Reserved: false, Taken: false, CanChange: false, "Pas de cantine le mercredi 9 décembre 2026 : ce service ne fonctionne pas le mercredi.", null),
            Cell(calendar, SchoolService.Canteen, Wednesday));
        Assert.Equal(
            new CalendarCell(Thursday, SchoolService.EveningCare, true, null, Reserved: false, Taken: false, CanChange: true, null,
                new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero)),
            Cell(calendar, SchoolService.EveningCare, Thursday));
        Assert.Equal(
            new CalendarCell(Thursday, SchoolService.Canteen, true, null, Reserved: true, Taken: false, CanChange: true, null,
                new DateTimeOffset(2026, 12, 9, 17, 0, 0, TimeSpan.Zero)),
            Cell(calendar, SchoolService.Canteen, Thursday));
    }

    [Fact]
    public async Task More_than_62_days_or_a_period_upside_down_is_refused_in_French()
    {
        fixture.StartAt(new DateTime(2026, 12, 4, 9, 0, 0));
        var (child, _) = await OneChild(NoStanding);

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => child.GetCalendar(new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 1)));
        var upsideDown = await Assert.ThrowsAsync<ArgumentException>(() => child.GetCalendar(Friday, Monday));

        Assert.Equal("Le calendrier couvre au plus 62 jours (63 demandés).", tooLong.Message);
        Assert.Equal("La période est à l'envers : le lundi 7 décembre 2026 précède le vendredi 11 décembre 2026.", upsideDown.Message);
    }

    [Fact]
    public async Task The_month_lists_the_meals_and_sessions_taken_and_the_days_reserved_where_the_service_ran()
    {
        fixture.StartAt(new DateTime(2026, 11, 30, 9, 0, 0));
        var (child, commune) = await OneChild(TestCommune.FourDayCanteen);
        await child.ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, false), new(Wednesday, SchoolService.WednesdayCare, true)], "parent");
        await child.RecordTaps([
            new ChildTap("B1:1", new DateTimeOffset(2026, 12, 1, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
            new ChildTap("B1:2", new DateTimeOffset(2026, 12, 1, 11, 15, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
            new ChildTap("B1:3", new DateTimeOffset(2026, 12, 9, 8, 0, 0, TimeSpan.Zero), commune.SchoolId, TapService.CareCheckIn, true),
            new ChildTap("B1:4", new DateTimeOffset(2026, 11, 30, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
        ]);

        var uses = await child.GetMonthUses(new DateOnly(2026, 12, 1));

        Assert.Equal([(new DateOnly(2026, 12, 1), SchoolService.Canteen), (Wednesday, SchoolService.WednesdayCare)],
            uses.Taken.Select(u => (u.Day, u.Service)));
        // The four-day week until the Christmas holidays (after class on Friday 18), Thursday 10 cancelled, Wednesday 9 reserved.
        int[] canteenDays = [1, 3, 4, 7, 8, 11, 14, 15, 17, 18];
        Assert.Equal(
            canteenDays.Select(d => (new DateOnly(2026, 12, d), SchoolService.Canteen)).Append((Wednesday, SchoolService.WednesdayCare)).Order(),
            uses.Reserved.Select(u => (u.Day, u.Service)).Order());
    }

    [Fact]
    public async Task A_meal_taken_on_a_day_the_parent_cancelled_is_charged_with_the_surcharge()
    {
        fixture.StartAt(new DateTime(2026, 12, 7, 10, 0, 0));
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700, 4000);
        var (lea, _) = await commune.AddChild(familyId, 1, "Léa");
        var cancelled = await Child(lea).ChangeReservations("op-1", [new(Thursday, SchoolService.Canteen, false)], "parent");
        Assert.Equal([null], cancelled.Outcomes.Select(o => o.Refusal));

        await Child(lea).RecordTaps([
            new ChildTap("B1:1", new DateTimeOffset(2026, 12, 10, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
            new ChildTap("B1:2", new DateTimeOffset(2026, 12, 11, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
        ]);

        var account = await fixture.Grains.GetGrain<IFamilyGrain>(familyId).GetAccount();
        Assert.Equal(4000 - 350 - 250, account.BalanceCents);
        Assert.Equal([($"meal:{lea}:2026-12-10", -350L), ($"meal:{lea}:2026-12-11", -250L)],
            account.Movements.Skip(1).Select(m => (m.OperationId, m.AmountCents)));
        Assert.Equal("Cantine de Léa le 10/12/2026, sans réservation (majoration de 1,00 €)", account.Movements[1].Label);
    }

    [Fact]
    public async Task A_childs_taps_between_two_days_come_in_reading_order()
    {
        var (child, commune) = await OneChild(TestCommune.FourDayCanteen);
        await child.RecordTaps([
            new ChildTap("B1:2", new DateTimeOffset(2026, 12, 8, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
            new ChildTap("B1:1", new DateTimeOffset(2026, 12, 7, 11, 10, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, true),
            new ChildTap("B1:3", new DateTimeOffset(2026, 12, 10, 23, 30, 0, TimeSpan.Zero), commune.SchoolId, TapService.Canteen, false), // Friday in Paris
        ]);

        Assert.Equal(["B1:1", "B1:2"], (await child.GetTapsBetween(Monday, Thursday)).Select(t => t.TapId));
        Assert.Equal(["B1:1", "B1:2", "B1:3"], (await child.GetTapsBetween(Monday, Friday)).Select(t => t.TapId));
        await Assert.ThrowsAsync<ArgumentException>(() => child.GetTapsBetween(Friday, Monday));
    }

    private async Task<(IChildGrain Child, TestCommune Commune)> OneChild(IReadOnlyList<StandingReservation> standing)
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 4000);
        var (childId, _) = await commune.AddChild(family, 1, "Léa", standing);
        return (Child(childId), commune);
    }

    private static CalendarCell Cell(ChildCalendar calendar, SchoolService service, DateOnly? day = null) =>
        Assert.Single(calendar.Cells, c => c.Service == service && (day is null || c.Day == day));

    private IChildGrain Child(string childId) => fixture.Grains.GetGrain<IChildGrain>(childId);

    private ISchoolGrain School(TestCommune commune) => fixture.Grains.GetGrain<ISchoolGrain>(commune.SchoolId);
}

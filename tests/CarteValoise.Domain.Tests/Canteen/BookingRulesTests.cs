using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class BookingRulesTests
{
    private static readonly BookingRules Canteen = new(Year, ServiceSchedule.Usual(SchoolService.Canteen),
        CutOffRule.Parse("2 jours ouvrés avant à 12:00"), CutOffRule.Parse("la veille à 18:00"));

    [Fact]
    public void A_Thursday_meal_can_be_reserved_until_Tuesday_noon()
    {
        Assert.Equal(BookingDecision.Allow(Utc("2026-12-01T11:00:00Z")), Canteen.CanReserve(Day("2026-12-03"), Utc("2026-12-01T10:59:59Z")));
        Assert.Equal(
            BookingDecision.Refuse("Réservation close depuis le mardi 1er décembre 2026 à 12:00 pour le repas du jeudi 3 décembre 2026.", Utc("2026-12-01T11:00:00Z")),
            Canteen.CanReserve(Day("2026-12-03"), Utc("2026-12-01T11:00:00Z")));
    }

    [Fact]
    public void Cancelling_has_its_own_cut_off()
    {
        Assert.True(Canteen.CanCancel(Day("2026-12-03"), Utc("2026-12-02T16:59:59Z")).Allowed);
        Assert.Equal("Annulation close depuis le mercredi 2 décembre 2026 à 18:00 pour le repas du jeudi 3 décembre 2026.",
            Canteen.CanCancel(Day("2026-12-03"), Utc("2026-12-02T17:00:00Z")).Refusal);
    }

    [Fact]
    public void A_past_day_is_refused_as_past()
    {
        Assert.Equal("Impossible de réserver le repas du jeudi 3 décembre 2026 : ce jour est passé.",
            Canteen.CanReserve(Day("2026-12-03"), Utc("2026-12-03T23:00:00Z")).Refusal); // midnight in Paris
        Assert.Equal("Impossible d'annuler le repas du jeudi 3 décembre 2026 : ce jour est passé.",
            Canteen.CanCancel(Day("2026-12-03"), Utc("2026-12-10T09:00:00Z")).Refusal);
    }

    [Fact]
    public void A_day_without_canteen_is_refused_whenever_asked()
    {
        Assert.Equal(BookingDecision.Refuse("Pas de cantine le lundi 29 mars 2027 : jour férié (Lundi de Pâques)."),
            Canteen.CanReserve(Day("2027-03-29"), Utc("2027-03-01T08:00:00Z")));
        Assert.Equal("Pas de cantine le mercredi 2 décembre 2026 : ce service ne fonctionne pas le mercredi.",
            Canteen.CanReserve(Day("2026-12-02"), Utc("2026-11-20T08:00:00Z")).Refusal);
    }

    [Fact]
    public void The_rentree_after_Toussaint_closes_in_the_holidays_in_winter_time()
    {
        // Thursday 29 October 12:00 is 11:00 UTC, the clocks having gone back on the 25th.
        Assert.True(Canteen.CanReserve(Day("2026-11-02"), Utc("2026-10-29T10:30:00Z")).Allowed);
        Assert.Equal("Réservation close depuis le jeudi 29 octobre 2026 à 12:00 pour le repas du lundi 2 novembre 2026.",
            Canteen.CanReserve(Day("2026-11-02"), Utc("2026-10-29T11:00:00Z")).Refusal);
    }

    [Fact]
    public void A_commune_that_does_not_count_holidays_closes_the_rentree_before_them()
    {
        var rules = new BookingRules(Year, ServiceSchedule.Usual(SchoolService.Canteen),
            CutOffRule.Parse("2 jours ouvrés avant à 12:00, vacances scolaires non comptées"), CutOffRule.Parse("la veille à 18:00"));
        Assert.Equal("Réservation close depuis le jeudi 15 octobre 2026 à 12:00 pour le repas du lundi 2 novembre 2026.",
            rules.CanReserve(Day("2026-11-02"), Utc("2026-10-16T07:00:00Z")).Refusal);
    }

    [Fact]
    public void After_the_clocks_go_forward_noon_is_ten_UTC()
    {
        Assert.True(Canteen.CanReserve(Day("2027-04-01"), Utc("2027-03-30T09:59:59Z")).Allowed);
        Assert.Equal("Réservation close depuis le mardi 30 mars 2027 à 12:00 pour le repas du jeudi 1er avril 2027.",
            Canteen.CanReserve(Day("2027-04-01"), Utc("2027-03-30T10:00:00Z")).Refusal);
    }

    [Fact]
    public void The_day_after_Easter_Monday_closes_the_Thursday_before()
    {
        Assert.Equal("Réservation close depuis le jeudi 25 mars 2027 à 12:00 pour le repas du mardi 30 mars 2027.",
            Canteen.CanReserve(Day("2027-03-30"), Utc("2027-03-26T08:00:00Z")).Refusal);
    }

    [Fact]
    public void Wednesday_care_closes_the_evening_before_in_summer_time()
    {
        var care = new BookingRules(Year, ServiceSchedule.Usual(SchoolService.WednesdayCare),
            CutOffRule.Parse("la veille à 18:00"), CutOffRule.Parse("la veille à 18:00"));
        Assert.True(care.CanReserve(Day("2027-03-31"), Utc("2027-03-30T15:59:59Z")).Allowed);
        Assert.Equal("Réservation close depuis le mardi 30 mars 2027 à 18:00 pour l'accueil du mercredi 31 mars 2027.",
            care.CanReserve(Day("2027-03-31"), Utc("2027-03-30T16:00:00Z")).Refusal);
    }

    [Fact]
    public void Evening_care_reserved_by_the_week()
    {
        var care = new BookingRules(Year, ServiceSchedule.Usual(SchoolService.EveningCare),
            CutOffRule.Parse("le jeudi à 09:00 pour la semaine suivante"), CutOffRule.Parse("la veille à 18:00"));
        Assert.Equal("Réservation close depuis le jeudi 26 novembre 2026 à 09:00 pour l'accueil du soir du jeudi 3 décembre 2026.",
            care.CanReserve(Day("2026-12-03"), Utc("2026-11-26T08:00:00Z")).Refusal);
        Assert.True(care.CanReserve(Day("2026-12-07"), Utc("2026-12-03T07:59:59Z")).Allowed);
    }
}

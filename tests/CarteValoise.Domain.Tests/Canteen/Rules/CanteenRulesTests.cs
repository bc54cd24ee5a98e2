using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;
using static CarteValoise.Domain.Tests.Canteen.Rules.RulesExamples;

namespace CarteValoise.Domain.Tests.Canteen.Rules;

public sealed class CanteenRulesTests
{
    private static readonly CanteenRules Rules = CanteenRules.Create(Draft, Schools);

    [Fact]
    public void The_rules_hold_what_the_commune_entered()
    {
        Assert.Equal([SchoolService.Canteen, SchoolService.EveningCare, SchoolService.WednesdayCare], Rules.Services);
        Assert.Equal("2 jours ouvrés avant à 12:00", Rules.ReservationCutOff.Description);
        Assert.Equal("la veille à 18:00", Rules.CancellationCutOff.Description);
        Assert.Equal(BillingMode.PrepaidBalance, Rules.BillingMode);
        Assert.Equal(1000, Rules.Prepaid.LowBalanceThresholdCents);
        Assert.True(Rules.Invoicing.BillReservedButNotTaken);
        Assert.Equal(new PriceQuote(100, "panier repas (PAI)", 100),
            Rules.Tariffs.For(SchoolService.Canteen).Quote(new PricedFamily(600, false), paiHomeMeal: true, reserved: false));
        Assert.Equal("Année scolaire 2026-2027 (zone C)", Rules.Calendar.Name);
    }

    [Fact]
    public void Every_problem_of_the_form_is_reported_at_once()
    {
        var draft = Draft with
        {
            SchoolYear = ZoneC with { Holidays = [new SchoolHoliday("Vacances de la Toussaint", Day("2026-11-02"), Day("2026-10-17")), .. Year.Holidays.Skip(1)] },
            ReservationCutOff = "48 heures avant",
            Services =
            [
                new ServiceDraft(SchoolService.MorningCare, FourDays, ["victor-hugo", "pasteur"], () => new FlatPrice(110)),
                new ServiceDraft(SchoolService.EveningCare, [], [], () => new FlatPrice(-220)),
                new ServiceDraft(SchoolService.WednesdayCare, [DayOfWeek.Wednesday], [], () => new QuotientPercentPrice(0m, 300, 1400),
                    PaiHomeMealCents: 100),
                new ServiceDraft(SchoolService.MorningCare, FourDays, [], () => new FlatPrice(110)),
            ],
            NegativeFloorCents = 500,
        };

        var refused = Assert.Throws<InvalidRulesException>(() => CanteenRules.Create(draft, Schools));

        Assert.Equal(
        [
            "Vacances de la Toussaint : aucun jour de vacances entre le lundi 2 novembre 2026 après la classe et le samedi 17 octobre 2026 au matin.",
            "Délai de réservation : « 48 heures avant » n'est pas un délai reconnu. Écrivez par exemple « 2 jours ouvrés avant à 12:00 », « 2 jours ouvrés avant à 12:00, vacances scolaires non comptées », « le jeudi à 09:00 pour la semaine suivante » ou « la veille à 18:00 ».",
            "La cantine doit figurer parmi les services de la commune.",
            "Accueil du matin : l'école « victor-hugo » n'est pas une école de la commune.",
            "Accueil du soir : choisissez au moins un jour de fonctionnement.",
            "Accueil du soir, tarif des habitants : le tarif unique doit être un prix positif (-2,20 € saisi).",
            "Accueil du mercredi, tarif des habitants : le taux d'effort doit être compris entre 0 et 100 % (0 % saisi).",
            "Accueil du mercredi : le tarif panier repas (PAI) ne s'applique qu'à la cantine.",
            "Accueil du matin : le service est décrit deux fois.",
            "Le découvert autorisé s'écrit comme un solde négatif ou nul, par exemple -15,00 € (5,00 € saisi).",
        ], refused.Problems);
    }

    [Fact]
    public void A_tariff_refused_for_residents_and_outside_the_commune_is_reported_twice()
    {
        var draft = Draft with
        {
            Services = [new ServiceDraft(SchoolService.Canteen, FourDays, [], () => new FlatPrice(0), () => new FlatPrice(-1), UnreservedSurchargeCents: -50)],
        };

        Assert.Equal(
        [
            "Cantine, tarif des habitants : le tarif unique doit être un prix positif (0,00 € saisi).",
            "Cantine, tarif hors commune : le tarif unique doit être un prix positif (-0,01 € saisi).",
            "Cantine : la majoration sans réservation ne peut pas être négative (-0,50 € saisi).",
        ], Assert.Throws<InvalidRulesException>(() => CanteenRules.Create(draft, Schools)).Problems);
    }

    [Fact]
    public void Without_the_communes_schools_any_school_is_accepted_and_named_as_this_school()
    {
        var rules = CanteenRules.Create(Draft with
        {
            Services = [.. Draft.Services, new ServiceDraft(SchoolService.MorningCare, FourDays, ["victor-hugo"], () => new FlatPrice(110))],
        });

        Assert.True(rules.Offers(SchoolService.MorningCare, "victor-hugo"));
        Assert.Equal("L'accueil du matin n'est pas proposé dans cette école.", rules.WhyNotOn(SchoolService.MorningCare, "pasteur", Day("2026-12-03")));
    }

    [Theory]
    [InlineData(SchoolService.Canteen, "pasteur", "2026-12-03", null)]
    [InlineData(SchoolService.EveningCare, "jules-ferry", "2026-12-03", null)]
    [InlineData(SchoolService.WednesdayCare, "pasteur", "2026-12-02", null)]
    [InlineData(SchoolService.Canteen, "pasteur", "2026-12-25", "Pas de cantine le vendredi 25 décembre 2026 : jour férié (Noël).")]
    [InlineData(SchoolService.Canteen, "pasteur", "2026-10-20", "Pas de cantine le mardi 20 octobre 2026 : vacances de la Toussaint.")]
    [InlineData(SchoolService.Canteen, "pasteur", "2026-12-02", "Pas de cantine le mercredi 2 décembre 2026 : ce service ne fonctionne pas le mercredi.")]
    [InlineData(SchoolService.WednesdayCare, "pasteur", "2026-11-11", "Pas d'accueil du mercredi le mercredi 11 novembre 2026 : jour férié (Armistice 1918).")]
    [InlineData(SchoolService.EveningCare, "pasteur", "2026-12-03", "L'accueil du soir n'est pas proposé à l'école Pasteur.")]
    [InlineData(SchoolService.EveningCare, "pasteur", "2026-12-25", "L'accueil du soir n'est pas proposé à l'école Pasteur.")]
    [InlineData(SchoolService.MorningCare, "jules-ferry", "2026-12-03", "La commune ne propose pas l'accueil du matin.")]
    public void A_service_runs_in_its_schools_on_its_days(SchoolService service, string schoolId, string day, string? reason) =>
        Assert.Equal(reason, Rules.WhyNotOn(service, schoolId, Day(day)));

    [Fact]
    public void A_canteen_offered_in_some_schools_only_names_the_school_that_lacks_it()
    {
        var rules = CanteenRules.Create(Draft with
        {
            Services = [new ServiceDraft(SchoolService.Canteen, FourDays, ["jules-ferry"], () => new FlatPrice(350))],
        }, Schools);

        Assert.True(rules.Offers(SchoolService.Canteen, "jules-ferry"));
        Assert.False(rules.Offers(SchoolService.Canteen, "pasteur"));
        Assert.Equal("La cantine n'est pas proposée à l'école Pasteur.", rules.WhyNotOn(SchoolService.Canteen, "pasteur", Day("2026-12-03")));
    }

    [Fact]
    public void Booking_a_service_uses_the_calendar_its_days_and_both_cut_offs()
    {
        var canteen = Rules.BookingFor(SchoolService.Canteen);

        // Thursday 3 December closes on Tuesday 1st at 12:00 Paris (11:00 UTC); cancelling, on Wednesday 2nd at 18:00 (17:00 UTC).
        Assert.Equal(BookingDecision.Allow(Utc("2026-12-01T11:00:00Z")), canteen.CanReserve(Day("2026-12-03"), Utc("2026-12-01T10:59:00Z")));
        Assert.Equal("Réservation close depuis le mardi 1er décembre 2026 à 12:00 pour le repas du jeudi 3 décembre 2026.",
            canteen.CanReserve(Day("2026-12-03"), Utc("2026-12-01T11:00:00Z")).Refusal);
        Assert.Equal(BookingDecision.Allow(Utc("2026-12-02T17:00:00Z")), canteen.CanCancel(Day("2026-12-03"), Utc("2026-12-02T16:00:00Z")));
        Assert.Equal([DayOfWeek.Wednesday], Rules.BookingFor(SchoolService.WednesdayCare).Schedule.Days);
    }

    [Fact]
    public void Booking_a_service_the_commune_does_not_run_is_refused() =>
        Assert.Equal("La commune ne propose pas l'accueil du matin.",
            Assert.Throws<InvalidOperationException>(() => Rules.BookingFor(SchoolService.MorningCare)).Message);
}

using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Rules;

[Collection(ClusterCollection.Name)]
public sealed class CanteenRulesVersionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_commune_that_never_saved_rules_runs_on_the_defaults_made_from_its_meal_tariff()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var grain = fixture.Grains.GetGrain<ICommuneGrain>(commune.Code);

        var inForce = await grain.GetCanteenRules();

        Assert.Equal(0, inForce.Version);
        Assert.True(inForce.Rules.SameAs(CanteenRulesMapping.Defaults((await grain.GetProfile())!)));
        Assert.Empty(await grain.GetCanteenRulesHistory());
        var rules = inForce.Rules.ToDomain();
        Assert.Equal([SchoolService.Canteen, SchoolService.MorningCare, SchoolService.EveningCare, SchoolService.WednesdayCare], rules.Services);
        Assert.Equal(250, rules.Tariffs.For(SchoolService.Canteen).Quote(new PricedFamily(700, false), paiHomeMeal: false, reserved: true).PriceCents);
    }

    [Fact]
    public async Task Saving_numbers_versions_and_saving_the_same_rules_again_changes_nothing()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var grain = fixture.Grains.GetGrain<ICommuneGrain>(commune.Code);
        var defaults = (await grain.GetCanteenRules()).Rules;
        var firstSavedAt = fixture.Time.GetUtcNow();

        var first = await grain.SaveCanteenRules(defaults with { LowBalanceThresholdCents = 1500 }, "Claire Martin");
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        // Typed again, with «12h» for «12:00»: the same rules.
        var again = await grain.SaveCanteenRules(defaults with { LowBalanceThresholdCents = 1500, ReservationCutOff = "2 jours ouvrés avant à 12h" }, "Paul Durand");
        var second = await grain.SaveCanteenRules(defaults with { LowBalanceThresholdCents = 1500, BillingMode = BillingMode.MonthlyInvoice }, "Paul Durand");

        Assert.Equal((1, firstSavedAt, "Claire Martin"), (first.Version, first.SavedAt, first.SavedBy));
        Assert.Equal("2 jours ouvrés avant à 12:00", again.Rules.ReservationCutOff);
        Assert.Equal((1, firstSavedAt, "Claire Martin"), (again.Version, again.SavedAt, again.SavedBy));
        Assert.Equal((2, fixture.Time.GetUtcNow(), "Paul Durand", BillingMode.MonthlyInvoice), (second.Version, second.SavedAt, second.SavedBy, second.Rules.BillingMode));
        Assert.Equal(2, (await grain.GetCanteenRules()).Version);
        Assert.Equal([1, 2], (await grain.GetCanteenRulesHistory()).Select(v => v.Version));
    }

    [Fact]
    public async Task Rules_with_problems_are_refused_whole_with_every_problem_and_nothing_is_stored()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var grain = fixture.Grains.GetGrain<ICommuneGrain>(commune.Code);
        var defaults = (await grain.GetCanteenRules()).Rules;
        var evening = defaults.Services.Single(s => s.Service == SchoolService.EveningCare);
        var broken = defaults with
        {
            CancellationCutOff = "avant midi",
            Services = [.. defaults.Services.Where(s => s.Service != SchoolService.EveningCare), evening with { Days = [], SchoolIds = ["ecole-inconnue"] }],
            LowBalanceThresholdCents = -100,
        };

        var refused = await Assert.ThrowsAsync<InvalidRulesException>(() => grain.SaveCanteenRules(broken, "Claire Martin"));

        Assert.Equal(
        [
            "Délai d'annulation : « avant midi » n'est pas un délai reconnu. Écrivez par exemple « 2 jours ouvrés avant à 12:00 », « 2 jours ouvrés avant à 12:00, vacances scolaires non comptées », « le jeudi à 09:00 pour la semaine suivante » ou « la veille à 18:00 ».",
            "Accueil du soir : choisissez au moins un jour de fonctionnement.",
            "Accueil du soir : l'école « ecole-inconnue » n'est pas une école de la commune.",
            "Le seuil d'alerte ne peut pas être négatif (-1,00 € saisi).",
        ], refused.Problems);
        Assert.Equal(0, (await grain.GetCanteenRules()).Version);
        Assert.Empty(await grain.GetCanteenRulesHistory());
    }

    [Fact]
    public async Task A_service_limited_to_one_of_the_communes_schools_is_saved()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var grain = fixture.Grains.GetGrain<ICommuneGrain>(commune.Code);
        var defaults = (await grain.GetCanteenRules()).Rules;

        var saved = await grain.SaveCanteenRules(defaults with
        {
            Services = [.. defaults.Services.Select(s => s.Service == SchoolService.MorningCare ? s with { SchoolIds = [commune.SchoolId] } : s)],
        }, "Claire Martin");

        var rules = saved.Rules.ToDomain();
        Assert.True(rules.Offers(SchoolService.MorningCare, commune.SchoolId));
        Assert.Equal("L'accueil du matin n'est pas proposé dans cette école.", rules.WhyNotOn(SchoolService.MorningCare, "autre-ecole", new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public async Task Registering_a_family_lists_it_in_its_commune_once()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700);
        var family = fixture.Grains.GetGrain<IFamilyGrain>(familyId);

        await family.Register((await family.GetProfile())! with { Phone = "01 23 45 67 89" });
        await fixture.Grains.GetGrain<ICommuneGrain>(commune.Code).AddFamily(familyId);

        Assert.Equal([familyId], await fixture.Grains.GetGrain<ICommuneGrain>(commune.Code).GetFamilyIds());
    }
}

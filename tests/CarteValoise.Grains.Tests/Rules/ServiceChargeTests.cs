using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Rules;

/// <summary>
/// Charging at the tap with the commune's saved rules: the canteen at the test commune's brackets
/// (1,00 € below QF 500, 2,50 € below 1 000, 4,00 € above), 5,00 € outside the commune, 1,00 € for a
/// home meal under an allergy plan, 1,00 € more without reservation; evening care 2,20 €.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ServiceChargeTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Thursday = new(2026, 12, 3, 11, 10, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(700, false, false, true, 250, "Cantine de Léa le 03/12/2026")]
    [InlineData(700, true, false, true, 500, "Cantine de Léa le 03/12/2026")]     // outside the commune
    [InlineData(700, true, true, true, 100, "Cantine de Léa le 03/12/2026")]      // the home meal wins over outside the commune
    [InlineData(null, false, false, true, 400, "Cantine de Léa le 03/12/2026")]   // no quotient: full price
    public async Task A_meal_is_debited_at_the_price_the_rules_give(int? quotient, bool outside, bool pai, bool reserved, long price, string label)
    {
        var (family, _) = await PrepaidFamily(quotient, outside, openingCents: 3000);

        Assert.Equal(price, await family.ChargeService("meal:1", Meal(pai, reserved)));

        var account = await family.GetAccount();
        Assert.Equal(new BalanceMovementRecord("meal:1", Thursday, label, -price), account.Movements[^1]);
        Assert.Equal(3000 - price, account.BalanceCents);
    }

    [Fact]
    public async Task A_meal_taken_without_reservation_is_one_movement_with_its_surcharge_debited_once()
    {
        var (family, _) = await PrepaidFamily(700, outside: false, openingCents: 3000);

        Assert.Equal(350, await family.ChargeService("meal:1", Meal(pai: false, reserved: false)));
        Assert.Equal(350, await family.ChargeService("meal:1", Meal(pai: false, reserved: false)));

        var account = await family.GetAccount();
        Assert.Equal([new BalanceMovementRecord("meal:1", Thursday, "Cantine de Léa le 03/12/2026, sans réservation (majoration de 1,00 €)", -350)],
            account.Movements.Skip(1));
        Assert.Equal(2650, account.BalanceCents);
    }

    [Fact]
    public async Task A_home_meal_taken_without_reservation_pays_the_home_meal_price_and_the_surcharge()
    {
        var (family, _) = await PrepaidFamily(700, outside: true, openingCents: 3000);

        Assert.Equal(200, await family.ChargeService("meal:1", Meal(pai: true, reserved: false)));

        Assert.Equal(2800, (await family.GetAccount()).BalanceCents);
    }

    [Fact]
    public async Task Evening_care_is_debited_at_its_own_price()
    {
        var (family, _) = await PrepaidFamily(700, outside: false, openingCents: 3000);

        Assert.Equal(220, await family.ChargeService("care:1", new ServiceCharge("child-Léa", "Léa", SchoolService.EveningCare, Thursday.AddHours(5), false, true)));

        Assert.Equal("Accueil du soir de Léa le 03/12/2026", (await family.GetAccount()).Movements[^1].Label);
    }

    [Fact]
    public async Task The_low_balance_warning_appears_when_a_meal_takes_the_balance_under_the_threshold()
    {
        var (family, _) = await PrepaidFamily(700, outside: false, openingCents: 1200);

        Assert.Null((await family.GetAccount()).Warning);
        await family.ChargeService("meal:1", Meal(pai: false, reserved: true));

        var account = await family.GetAccount();
        Assert.Equal((950, BillingMode.PrepaidBalance), (account.BalanceCents, account.BillingMode));
        Assert.Equal("Solde bas : 9,50 €. Pensez à recharger le compte (seuil d'alerte : 10,00 €).", account.Warning);
    }

    [Fact]
    public async Task A_meal_is_debited_even_below_the_floor()
    {
        var (family, _) = await PrepaidFamily(700, outside: false, openingCents: 100);

        Assert.Equal(250, await family.ChargeService("meal:1", Meal(pai: false, reserved: true)));

        var account = await family.GetAccount();
        Assert.Equal(-150, account.BalanceCents);
        Assert.Equal("Solde de -1,50 €, en dessous du découvert autorisé (0,00 €) : les réservations sont refusées jusqu'au rechargement du compte. Les repas pris restent servis et débités.", account.Warning);
    }

    [Fact]
    public async Task A_commune_billing_monthly_debits_nothing_at_the_tap_and_gives_no_balance_warning()
    {
        var (family, commune) = await PrepaidFamily(700, outside: false, openingCents: 100);
        var rules = (await commune.GetCanteenRules()).Rules;
        await commune.SaveCanteenRules(rules with { BillingMode = BillingMode.MonthlyInvoice }, "Claire Martin");

        Assert.Equal(0, await family.ChargeService("meal:1", Meal(pai: false, reserved: false)));

        var account = await family.GetAccount();
        Assert.Equal((100, 1, BillingMode.MonthlyInvoice, (string?)null), (account.BalanceCents, account.Movements.Count, account.BillingMode, account.Warning));
    }

    [Fact]
    public async Task A_new_version_of_the_rules_applies_from_the_next_meal()
    {
        var (family, commune) = await PrepaidFamily(700, outside: false, openingCents: 3000);
        await family.ChargeService("meal:1", Meal(pai: false, reserved: true));
        var rules = (await commune.GetCanteenRules()).Rules;
        await commune.SaveCanteenRules(WithCanteen(rules, canteen => canteen with
        {
            Resident = new PriceRuleRecord(PriceRuleKind.Flat, FlatCents: 320),
        }), "Claire Martin");

        Assert.Equal(320, await family.ChargeService("meal:2", Meal(pai: false, reserved: true)));
        Assert.Equal([-250, -320], (await family.GetAccount()).Movements.Skip(1).Select(m => m.AmountCents));
    }

    private async Task<(IFamilyGrain Family, ICommuneGrain Commune)> PrepaidFamily(int? quotient, bool outside, long openingCents)
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var grain = fixture.Grains.GetGrain<ICommuneGrain>(commune.Code);
        var defaults = (await grain.GetCanteenRules()).Rules;
        await grain.SaveCanteenRules(WithCanteen(defaults, canteen => canteen with
        {
            OutsideCommune = new PriceRuleRecord(PriceRuleKind.Flat, FlatCents: 500),
        }), "Claire Martin");
        var familyId = $"{commune.Code}-F001";
        var family = fixture.Grains.GetGrain<IFamilyGrain>(familyId);
        await family.Register(new FamilyProfile(familyId, "Famille 001", commune.Code, quotient, "unused", LivesOutsideCommune: outside));
        await family.Credit("opening", openingCents, "Approvisionnement");
        return (family, grain);
    }

    private static CanteenRulesRecord WithCanteen(CanteenRulesRecord rules, Func<ServiceTariffRecord, ServiceTariffRecord> change) => rules with
    {
        Services = [.. rules.Services.Select(s => s.Service == SchoolService.Canteen ? s with { Tariff = change(s.Tariff) } : s)],
    };

    private static ServiceCharge Meal(bool pai, bool reserved) => new("child-Léa", "Léa", SchoolService.Canteen, Thursday, pai, reserved);
}

using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class FamilyAccountTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 11, 10, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(300, 100)]   // below 500
    [InlineData(500, 250)]   // a bound belongs to the bracket above
    [InlineData(999, 250)]
    [InlineData(1000, 400)]  // above the last bracket: full price
    [InlineData(null, 400)]  // no quotient familial given: full price
    public async Task A_meal_is_charged_at_the_price_of_the_familys_bracket(int? quotient, long expectedPrice)
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", quotient, openingCents: 2000);
        var family = fixture.Grains.GetGrain<IFamilyGrain>(familyId);

        Assert.Equal(expectedPrice, await family.ChargeService("meal:1", Meal("Léa", Noon)));

        var account = await family.GetAccount();
        Assert.Equal(2000 - expectedPrice, account.BalanceCents);
        Assert.Equal("Cantine de Léa le 03/12/2026", account.Movements[^1].Label);
    }

    [Fact]
    public async Task The_balance_equals_the_sum_of_its_movements_under_concurrent_charges_and_credits()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700);
        var family = fixture.Grains.GetGrain<IFamilyGrain>(familyId);

        // 50 meals and 20 top-ups, each sent twice at once, all interleaved.
        var operations = Enumerable.Range(0, 50).Select(i => (Func<Task>)(() => family.ChargeService($"meal:{i}", Meal("Hugo", Noon.AddMinutes(i)))))
            .Concat(Enumerable.Range(0, 20).Select(i => (Func<Task>)(() => family.Credit($"topup:{i}", 1000, "Paiement en ligne"))))
            .ToList();
        await Task.WhenAll(operations.Concat(operations).Select(op => Task.Run(op)));

        var account = await family.GetAccount();
        Assert.Equal(70, account.Movements.Count);
        Assert.Equal(account.Movements.Sum(m => m.AmountCents), account.BalanceCents);
        Assert.Equal(20 * 1000 - 50 * 250, account.BalanceCents);
    }

    [Fact]
    public async Task A_credit_must_be_positive_and_changes_nothing_otherwise()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = fixture.Grains.GetGrain<IFamilyGrain>(await commune.AddFamily("001", 700, 500));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => family.Credit("bad", -100, "Négatif"));

        Assert.Equal(500, (await family.GetAccount()).BalanceCents);
    }

    [Fact]
    public async Task Five_wrong_kiosk_PINs_lock_the_card_for_fifteen_minutes()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = fixture.Grains.GetGrain<IFamilyGrain>(await commune.AddFamily("001", 700));

        for (var i = 0; i < KioskPinPolicy.MaxFailures - 1; i++) await family.RecordKioskPinAttempt(false);
        Assert.Null(await family.GetKioskLockout());
        await family.RecordKioskPinAttempt(false);
        var lockedUntil = await family.GetKioskLockout();
        Assert.Equal(fixture.Time.GetUtcNow() + KioskPinPolicy.Lockout, lockedUntil);

        fixture.Time.Advance(KioskPinPolicy.Lockout);
        Assert.Null(await family.GetKioskLockout());
    }

    private static ServiceCharge Meal(string firstName, DateTimeOffset takenAt) =>
        new($"child-{firstName}", firstName, SchoolService.Canteen, takenAt, PaiHomeMeal: false, Reserved: true);
}

using CarteValoise.Grains.Children;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CareTapTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Perisolaire_arrivals_and_departures_are_recorded_once_are_not_meals_and_the_session_is_charged_once()
    {
        var commune = await new TestCommune(fixture.Grains).Create();
        var family = await commune.AddFamily("001", 700, 1000);
        var (childId, uid) = await commune.AddChild(family, 1, "Zoé");
        var morning = new DateTimeOffset(2026, 12, 3, 7, 15, 0, TimeSpan.Zero);
        BoxTap[] taps =
        [
            new(1, uid, morning, TapService.CareCheckIn, BoxDecision.Accepted),
            new(2, uid, morning.AddMinutes(50), TapService.CareCheckOut, BoxDecision.Accepted),
        ];
        await commune.Box.ApplyTaps(taps);
        await commune.Box.ApplyTaps(taps);

        var recorded = await fixture.Grains.GetGrain<IChildGrain>(childId).GetTaps(new DateOnly(2026, 12, 3));
        Assert.Equal([TapService.CareCheckIn, TapService.CareCheckOut], recorded.Select(t => t.Service));
        Assert.All(recorded, t => Assert.False(t.Meal));
        // 08:15 in Paris: the morning care, 1,10 € by the commune's default rules, once however often the taps come.
        var account = await fixture.Grains.GetGrain<IFamilyGrain>(family).GetAccount();
        Assert.Equal(1000 - 110, account.BalanceCents);
        Assert.Equal(-110, Assert.Single(account.Movements, m => m.OperationId == $"care:{childId}:2026-12-03:MorningCare").AmountCents);
    }
}

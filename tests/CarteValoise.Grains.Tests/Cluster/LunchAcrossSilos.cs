using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Families;
using Orleans.TestingHost;

namespace CarteValoise.Grains.Tests.Cluster;

/// <summary>
/// One box's morning and lunch, its grain on one silo and the children, families and school day it
/// reaches on another. Famille 001 (QF 700, 40,00 €): Léa, morning care (1,10 €) and lunch
/// (2,50 €), Hugo, lunch (2,50 €). Famille 002 (QF 300, 10,00 €): Inès, lunch (1,00 €) and a
/// second tap refused by the box (kept, neither counted nor charged).
/// </summary>
public sealed class LunchAcrossSilos
{
    public static readonly DateOnly Day = new(2026, 12, 3);
    // 08:15 and 12:10 in Paris (UTC+1).
    private static readonly DateTimeOffset Morning = new(2026, 12, 3, 7, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 11, 10, 0, TimeSpan.Zero);

    private readonly ThreeSiloCluster _cluster;

    private LunchAcrossSilos(ThreeSiloCluster cluster, TestCommune commune, InProcessSiloHandle boxHome, InProcessSiloHandle childrenHome)
    {
        _cluster = cluster;
        Commune = commune;
        BoxHome = boxHome;
        ChildrenHome = childrenHome;
    }

    public TestCommune Commune { get; }
    public InProcessSiloHandle BoxHome { get; }
    public InProcessSiloHandle ChildrenHome { get; }
    public string FamilyA { get; private set; } = "";
    public string FamilyB { get; private set; } = "";
    public string Lea { get; private set; } = "";
    public string Hugo { get; private set; } = "";
    public string Ines { get; private set; } = "";
    public IReadOnlyList<BoxTap> Taps { get; private set; } = [];

    public IDeviceGrain Box => Commune.Box;
    public IChildGrain Child(string id) => _cluster.Grains.GetGrain<IChildGrain>(id);
    public IFamilyGrain Family(string id) => _cluster.Grains.GetGrain<IFamilyGrain>(id);
    public ISchoolDayGrain SchoolDay => _cluster.Grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(Commune.SchoolId, Day));
    public IReadOnlyList<IAddressable> Downstream => [Child(Lea), Child(Hugo), Child(Ines), Family(FamilyA), Family(FamilyB), SchoolDay];

    /// <summary>Sets the commune and its box up on <paramref name="boxHome"/>, the families and children on <paramref name="childrenHome"/>.</summary>
    public static async Task<LunchAcrossSilos> Enrol(ThreeSiloCluster cluster, InProcessSiloHandle boxHome, InProcessSiloHandle childrenHome)
    {
        var commune = await cluster.On(boxHome, () => new TestCommune(cluster.Grains).Create());
        var lunch = new LunchAcrossSilos(cluster, commune, boxHome, childrenHome);
        await cluster.On(childrenHome, async () =>
        {
            lunch.FamilyA = await commune.AddFamily("001", quotientFamilial: 700, openingCents: 4000);
            lunch.FamilyB = await commune.AddFamily("002", quotientFamilial: 300, openingCents: 1000);
            var (lea, leaCard) = await commune.AddChild(lunch.FamilyA, 1, "Léa");
            var (hugo, hugoCard) = await commune.AddChild(lunch.FamilyA, 2, "Hugo");
            var (ines, inesCard) = await commune.AddChild(lunch.FamilyB, 1, "Inès");
            (lunch.Lea, lunch.Hugo, lunch.Ines) = (lea, hugo, ines);
            lunch.Taps =
            [
                new(1, leaCard, Morning, TapService.CareCheckIn, BoxDecision.Accepted),
                new(2, leaCard, Noon, TapService.Canteen, BoxDecision.Accepted),
                new(3, hugoCard, Noon.AddMinutes(1), TapService.Canteen, BoxDecision.Accepted),
                new(4, inesCard, Noon.AddMinutes(2), TapService.Canteen, BoxDecision.Accepted),
                new(5, inesCard, Noon.AddMinutes(6), TapService.Canteen, BoxDecision.AlreadyServed),
            ];
        });
        return lunch;
    }

    /// <summary>The box sends its five taps; the school day is activated beside the children.</summary>
    public Task<long> Send() => _cluster.On(ChildrenHome, () => Box.ApplyTaps(Taps));

    /// <summary>Where each grain the taps reach lives now.</summary>
    public IReadOnlyList<SiloAddress?> DownstreamHosts() => Downstream.Select(_cluster.HostOf).ToList();

    /// <summary>The taps still in the box's journal on storage.</summary>
    public IReadOnlyList<long> JournalOnStorage() =>
        _cluster.Persisted<DeviceState>("device", Box)?.Journal.Select(t => t.Sequence).ToList() ?? [];

    /// <summary>What a new activation of each grain would find on storage, and what the grains answer.</summary>
    public async Task AssertEveryEffectPersistedOnce()
    {
        Assert.Equal(
            [(Lea, TapService.CareCheckIn, false), (Lea, TapService.Canteen, true), (Hugo, TapService.Canteen, true), (Ines, TapService.Canteen, true), (Ines, TapService.Canteen, false)],
            new[] { Lea, Hugo, Ines }.SelectMany(id => (_cluster.Persisted<ChildState>("child", Child(id))?.Taps ?? []).Select(t => (id, t.Service, t.Meal))));
        Assert.Equal([Lea, Hugo, Ines], _cluster.Persisted<SchoolDayState>("schoolday", SchoolDay)?.Meals.Keys.Order().ToList() ?? []);
        Assert.Equal(
            [("care:" + Lea + ":2026-12-03:MorningCare", -110L), ($"meal:{Lea}:2026-12-03", -250L), ($"meal:{Hugo}:2026-12-03", -250L), ($"opening-{FamilyA}", 4000L)],
            (_cluster.Persisted<FamilyState>("family", Family(FamilyA))?.Movements ?? []).Select(m => (m.OperationId, m.AmountCents)).Order());
        Assert.Equal(
            [($"meal:{Ines}:2026-12-03", -100L), ($"opening-{FamilyB}", 1000L)],
            (_cluster.Persisted<FamilyState>("family", Family(FamilyB))?.Movements ?? []).Select(m => (m.OperationId, m.AmountCents)).Order());

        Assert.Equal(3, await SchoolDay.GetMealCount());
        Assert.Equal(4000 - 110 - 250 - 250, (await Family(FamilyA).GetAccount()).BalanceCents);
        Assert.Equal(1000 - 100, (await Family(FamilyB).GetAccount()).BalanceCents);
        Assert.Equal(2, (await Child(Lea).GetTaps(Day)).Count);
        Assert.Empty(JournalOnStorage());
    }
}

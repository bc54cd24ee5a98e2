using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Tests;

/// <summary>
/// A commune with one school and one box, unique to each test (ids carry a fresh suffix) so that
/// tests sharing the silo never see each other's grains. Meal prices: 1,00 € below QF 500, 2,50 €
/// below 1000, 4,00 € above.
/// </summary>
public sealed class TestCommune
{
    private readonly IGrainFactory _grains;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public TestCommune(IGrainFactory grains) => _grains = grains;

    public string Code => $"T{_suffix}";
    public string SchoolId => $"{Code}-E1";
    public string BoxId => $"{Code}-B1";
    public const string BoxSecret = "0123456789ABCDEF0123456789ABCDEF";

    public IDeviceGrain Box => _grains.GetGrain<IDeviceGrain>(BoxId);

    public async Task<TestCommune> Create()
    {
        await _grains.GetGrain<ICommuneGrain>(Code).Configure(new CommuneProfile(Code, "Commune de test",
            [new TariffBracketRecord(500, 100), new TariffBracketRecord(1000, 250)], 400));
        await _grains.GetGrain<ISchoolGrain>(SchoolId).Configure(new SchoolProfile(SchoolId, "École de test", Code));
        await _grains.GetGrain<ICommuneGrain>(Code).AddSchool(new SchoolRef(SchoolId, "École de test"));
        await Box.Enrol(new DeviceEnrolment(BoxId, SchoolId, Code, SecretHash.Of(BoxSecret)));
        return this;
    }

    public async Task<string> AddFamily(string number, int? quotientFamilial, long openingCents = 0)
    {
        var familyId = $"{Code}-F{number}";
        var family = _grains.GetGrain<IFamilyGrain>(familyId);
        await family.Register(new FamilyProfile(familyId, $"Famille {number}", Code, quotientFamilial, "unused"));
        if (openingCents > 0) await family.Credit($"opening-{familyId}", openingCents, "Approvisionnement");
        return familyId;
    }

    /// <summary>The canteen on Monday, Tuesday, Thursday and Friday, every week it runs.</summary>
    public static readonly IReadOnlyList<StandingReservation> FourDayCanteen =
        [new(SchoolService.Canteen, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday])];

    /// <summary>Enrols a child with a card (through the child's enrolment alone, as agents do); returns the card UID.</summary>
    public async Task<(string ChildId, string CardUid)> AddChild(string familyId, int index, string firstName,
        IReadOnlyList<StandingReservation>? standing = null)
    {
        var childId = $"{familyId}-C{index}";
        var uid = $"04{Math.Abs(childId.GetHashCode()):X8}{index:X4}"[..14];
        await _grains.GetGrain<IChildGrain>(childId).Enrol(new ChildProfile(childId, familyId, Code, SchoolId, firstName, "Test", uid,
            StandingReservations: standing ?? FourDayCanteen));
        return (childId, uid);
    }

    public static BoxTap Tap(long sequence, string uid, DateTimeOffset at, BoxDecision decision = BoxDecision.Accepted) =>
        new(sequence, uid, at, TapService.Canteen, decision);
}

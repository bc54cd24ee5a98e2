using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Billing;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Tests.Billing;

/// <summary>
/// A commune for the billing tests, with one school and the default rules (canteen Monday, Tuesday,
/// Thursday and Friday; zone C 2026-2027), billing monthly unless told otherwise. Meal prices:
/// 1,00 € below QF 500, 2,50 € below 1000, 4,00 € above or without QF; 1,00 € more without reservation;
/// evening care 2,20 €. Each commune has an INSEE code of its own in the billing silo.
/// </summary>
public sealed class BillingCommune
{
    private static int _next = 90000;
    private readonly IGrainFactory _grains;
    private int _taps;

    private BillingCommune(IGrainFactory grains, string code)
    {
        _grains = grains;
        Code = code;
    }

    public string Code { get; }

    public string SchoolId => $"{Code}-E1";

    public IInvoiceBookGrain Book => _grains.GetGrain<IInvoiceBookGrain>(Code);

    public ICommuneGrain Commune => _grains.GetGrain<ICommuneGrain>(Code);

    public IFamilyGrain Family(string familyId) => _grains.GetGrain<IFamilyGrain>(familyId);

    /// <summary>A fresh commune; <paramref name="inseeCode"/> only for the one test that reads real numbers.</summary>
    public static async Task<BillingCommune> Create(IGrainFactory grains, BillingMode mode = BillingMode.MonthlyInvoice, string? inseeCode = null)
    {
        var commune = new BillingCommune(grains, inseeCode ?? Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var profile = new CommuneProfile(commune.Code, "Commune de test", [new TariffBracketRecord(500, 100), new TariffBracketRecord(1000, 250)], 400);
        await commune.Commune.Configure(profile);
        await grains.GetGrain<ISchoolGrain>(commune.SchoolId).Configure(new SchoolProfile(commune.SchoolId, "École de test", commune.Code));
        await commune.Commune.AddSchool(new SchoolRef(commune.SchoolId, "École de test"));
        if (mode == BillingMode.MonthlyInvoice)
            await commune.Commune.SaveCanteenRules(CanteenRulesMapping.Defaults(profile) with { BillingMode = BillingMode.MonthlyInvoice }, "test");
        return commune;
    }

    public async Task<string> AddFamily(string number, string name, int? quotientFamilial)
    {
        var familyId = $"{Code}-F{number}";
        await Family(familyId).Register(new FamilyProfile(familyId, name, Code, quotientFamilial, "unused",
            Address: "3 rue des Lilas", PostalCode: "95000", City: "Cergy"));
        return familyId;
    }

    /// <summary>Enrols a child without a card, signed up for the canteen on <paramref name="canteenDays"/>.</summary>
    public async Task<string> AddChild(string familyId, int index, string firstName, params DayOfWeek[] canteenDays)
    {
        var childId = $"{familyId}-C{index}";
        await _grains.GetGrain<IChildGrain>(childId).Enrol(new ChildProfile(childId, familyId, Code, SchoolId, firstName, "Test", "",
            StandingReservations: canteenDays.Length > 0 ? [new StandingReservation(SchoolService.Canteen, canteenDays)] : [],
            CardStatus: CardStatus.None));
        return childId;
    }

    /// <summary>A card read at the school's box at this Paris time, persisted as a box's checkpoint does.</summary>
    public async Task Tap(string childId, DateOnly day, TimeOnly parisTime, TapService service = TapService.Canteen)
    {
        var child = _grains.GetGrain<IChildGrain>(childId);
        await child.RecordTaps([new ChildTap($"{Code}-B1:{Interlocked.Increment(ref _taps)}", ParisClock.At(day, parisTime), SchoolId, service, Served: true)]);
        await child.Flush();
    }
}

using CarteValoise.Cloud.Identity;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Identity;
using CarteValoise.Grains.Schools;
using static CarteValoise.Cloud.Demo.DemoDepartement;

namespace CarteValoise.Cloud.Demo;

/// <summary>
/// Seeds the demo département when Demo:Seed is true. Idempotent: every step either finds what it
/// would write already there or writes the same values, so a restart changes nothing (balances
/// included: the opening top-up carries a fixed operation id; rules equal to those in force make no
/// new version). Children are enrolled through their own grain, which carries them to their family,
/// their card and their school's roster. Demo boxes (Demo:Boxes) are enrolled with the secret given
/// in configuration at each start.
/// </summary>
public sealed class DemoSeeder(IGrainFactory grains, PasswordHasher hasher, IConfiguration configuration, ILogger<DemoSeeder> logger) : IHostedService
{
    private const string SeededBy = "Données de démonstration";

    /// <summary>The demo's administrator: the Orleans dashboard of the silos (README, demo logins).</summary>
    public const string AdministratorLogin = "admin@demo.cartevaloise.fr";
    public const string AdministratorPassword = "Demo-Admin-2026!";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var canteenDays = (configuration["Demo:CanteenDays"] ?? "Monday,Tuesday,Thursday,Friday")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enum.Parse<DayOfWeek>).ToList();
        var departement = grains.GetGrain<IDepartementGrain>(GrainKeys.Departement);
        for (var i = 0; i < Communes.Length; i++)
        {
            await departement.RegisterCommune(Communes[i].InseeCode, Communes[i].Name);
            await SeedCommune(Communes[i], i, canteenDays);
        }
        await SeedAccount(AdministratorLogin, "Administrateur de la plateforme (démonstration)", AdministratorPassword,
            CallerRole.Administrator, [], null);
        await SeedBoxes();
        await DemoHouseholds.SeedAsync(grains);
        await DemoDemarches.SeedAsync(grains, TimeProvider.System);
        logger.LogInformation("Données de démonstration prêtes : {Count} communes", Communes.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedCommune(DemoCommune commune, int communeIndex, IReadOnlyList<DayOfWeek> canteenDays)
    {
        var brackets = QuotientBounds.Select((bound, i) => new TariffBracketRecord(bound, commune.MealPrices[i])).ToList();
        var communeGrain = grains.GetGrain<ICommuneGrain>(commune.InseeCode);
        var profile = new CommuneProfile(commune.InseeCode, commune.Name, brackets, commune.MealPrices[^1]);
        await communeGrain.Configure(profile);
        for (var schoolIndex = 1; schoolIndex <= commune.Schools.Length; schoolIndex++)
        {
            var schoolId = SchoolId(commune.InseeCode, schoolIndex);
            await grains.GetGrain<ISchoolGrain>(schoolId).Configure(new SchoolProfile(schoolId, commune.Schools[schoolIndex - 1], commune.InseeCode));
            await communeGrain.AddSchool(new SchoolRef(schoolId, commune.Schools[schoolIndex - 1]));
        }
        await communeGrain.SaveCanteenRules(Rules(profile, commune, canteenDays), SeededBy);

        var familyNumber = 0;
        for (var schoolIndex = 1; schoolIndex <= commune.Schools.Length; schoolIndex++)
            for (var f = 0; f < FamiliesPerSchool; f++)
                await SeedFamily(commune, communeIndex, schoolIndex, ++familyNumber, canteenDays);

        await SeedAccount(ParentLogin(commune), $"Famille {FamilyNames[0]} ({commune.Name})", ParentPassword,
            CallerRole.Parent, [commune.InseeCode], FamilyId(commune.InseeCode, 1));
        await SeedAccount(AgentLogin(commune), AgentName(commune), AgentPassword, CallerRole.Agent, [commune.InseeCode], null);
    }

    /// <summary>
    /// A commune's defaults, with the canteen on the demo's canteen days (the tests open it every day,
    /// so that they pass on a Sunday) and the commune's billing mode.
    /// </summary>
    private static CanteenRulesRecord Rules(CommuneProfile profile, DemoCommune commune, IReadOnlyList<DayOfWeek> canteenDays)
    {
        var defaults = CanteenRulesMapping.Defaults(profile);
        return defaults with
        {
            Services = [.. defaults.Services.Select(s => s.Service == SchoolService.Canteen ? s with { Days = canteenDays } : s)],
            BillingMode = commune.Billing,
        };
    }

    private async Task SeedFamily(DemoCommune commune, int communeIndex, int schoolIndex, int familyNumber, IReadOnlyList<DayOfWeek> canteenDays)
    {
        var familyId = FamilyId(commune.InseeCode, familyNumber);
        var family = grains.GetGrain<IFamilyGrain>(familyId);
        var name = FamilyNames[(familyNumber - 1) % FamilyNames.Length];
        var existing = await family.GetProfile();
        // The PIN's hash is salted: the one stored is kept, so that a restart writes nothing.
        await family.Register(new FamilyProfile(familyId, name, commune.InseeCode,
            QuotientFamilial: 350 + familyNumber * 137 % 1300,
            KioskPinHash: existing?.KioskPinHash ?? hasher.Hash(KioskPin),
            QuotientFamilialJustifiedOn: QuotientJustifiedOn,
            Address: Address(familyNumber),
            PostalCode: commune.PostalCode,
            City: commune.Name,
            Phone: Phone(communeIndex, familyNumber),
            Email: Email(commune, familyNumber)));
        // A family billed monthly has no balance to fill.
        if (commune.Billing == BillingMode.PrepaidBalance)
            await family.Credit($"demo-opening-{familyId}", 4000, "Approvisionnement initial (démonstration)");

        var schoolId = SchoolId(commune.InseeCode, schoolIndex);
        for (var c = 1; c <= ChildrenPerFamily; c++)
        {
            var childId = ChildId(commune.InseeCode, familyNumber, c);
            await grains.GetGrain<IChildGrain>(childId).Enrol(new ChildProfile(
                childId, familyId, commune.InseeCode, schoolId,
                FirstName: FirstNames[(familyNumber * ChildrenPerFamily + c) % FirstNames.Length],
                LastName: name,
                CardUid: CardUid(commune.InseeCode, schoolIndex, familyNumber, c),
                BirthDate: BirthDate(familyNumber, c),
                Class: ClassOf(familyNumber, c),
                AllergyPlan: HasAllergyPlan(familyNumber, c),
                PaiHomeMeal: BringsHomeMeal(familyNumber, c),
                StandingReservations: Standing(familyNumber, c, canteenDays)));
        }
    }

    private static List<StandingReservation> Standing(int familyNumber, int childIndex, IReadOnlyList<DayOfWeek> canteenDays)
    {
        var standing = new List<StandingReservation>();
        if (EatsAtCanteen(familyNumber, childIndex)) standing.Add(new StandingReservation(SchoolService.Canteen, canteenDays));
        if (StaysForEveningCare(familyNumber, childIndex))
            standing.Add(new StandingReservation(SchoolService.EveningCare, [.. SchoolCalendar.FourDayWeek.OrderBy(d => d)]));
        return standing;
    }

    private async Task SeedAccount(string email, string displayName, string password, CallerRole role, string[] communes, string? familyId)
    {
        var account = grains.GetGrain<IAccountGrain>(email);
        if (await account.Get() is not null) return;
        await account.Save(new AccountRecord(email, email, displayName, hasher.Hash(password), role, communes, familyId));
    }

    private async Task SeedBoxes()
    {
        foreach (var box in configuration.GetSection("Demo:Boxes").GetChildren())
        {
            var boxId = box["BoxId"];
            var schoolId = box["SchoolId"];
            var secret = box["Secret"];
            if (string.IsNullOrWhiteSpace(boxId) || string.IsNullOrWhiteSpace(schoolId) || string.IsNullOrWhiteSpace(secret))
                throw new InvalidOperationException($"Demo:Boxes:{box.Key} doit donner BoxId, SchoolId et Secret.");
            var school = await grains.GetGrain<ISchoolGrain>(schoolId).GetProfile()
                ?? throw new InvalidOperationException($"Demo:Boxes:{box.Key} : école {schoolId} inconnue.");
            await grains.GetGrain<IDeviceGrain>(boxId).Enrol(new DeviceEnrolment(boxId, schoolId, school.CommuneCode, SecretHash.Of(secret)));
            await grains.GetGrain<ICommuneGrain>(school.CommuneCode).RegisterBox(boxId);
        }
    }
}

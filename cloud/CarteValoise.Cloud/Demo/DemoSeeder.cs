using CarteValoise.Cloud.Identity;
using CarteValoise.Domain.Access;
using CarteValoise.Grains;
using CarteValoise.Grains.Cards;
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
/// included: the opening top-up carries a fixed operation id). Demo boxes (Demo:Boxes) are
/// enrolled with the secret given in configuration at each start.
/// </summary>
public sealed class DemoSeeder(IGrainFactory grains, PasswordHasher hasher, IConfiguration configuration, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var canteenDays = (configuration["Demo:CanteenDays"] ?? "Monday,Tuesday,Thursday,Friday")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enum.Parse<DayOfWeek>).ToList();
        var departement = grains.GetGrain<IDepartementGrain>(GrainKeys.Departement);
        foreach (var commune in Communes)
        {
            await departement.RegisterCommune(commune.InseeCode, commune.Name);
            await SeedCommune(commune, canteenDays);
        }
        await SeedBoxes();
        logger.LogInformation("Données de démonstration prêtes : {Count} communes", Communes.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedCommune(DemoCommune commune, IReadOnlyList<DayOfWeek> canteenDays)
    {
        var brackets = QuotientBounds.Select((bound, i) => new TariffBracketRecord(bound, commune.MealPrices[i])).ToList();
        var communeGrain = grains.GetGrain<ICommuneGrain>(commune.InseeCode);
        await communeGrain.Configure(new CommuneProfile(commune.InseeCode, commune.Name, brackets, commune.MealPrices[^1]));

        var familyNumber = 0;
        for (var schoolIndex = 1; schoolIndex <= commune.Schools.Length; schoolIndex++)
        {
            var schoolId = SchoolId(commune.InseeCode, schoolIndex);
            await grains.GetGrain<ISchoolGrain>(schoolId).Configure(new SchoolProfile(schoolId, commune.Schools[schoolIndex - 1], commune.InseeCode));
            await communeGrain.AddSchool(new SchoolRef(schoolId, commune.Schools[schoolIndex - 1]));
            for (var f = 0; f < FamiliesPerSchool; f++)
                await SeedFamily(commune, schoolIndex, ++familyNumber, canteenDays);
        }

        await SeedAccount($"parent.{commune.Slug}@demo.cartevaloise.fr", $"Famille {FamilyNames[0]} ({commune.Name})", ParentPassword,
            CallerRole.Parent, [commune.InseeCode], FamilyId(commune.InseeCode, 1));
        await SeedAccount($"agent.{commune.Slug}@demo.cartevaloise.fr", $"Agent de {commune.Name}", AgentPassword,
            CallerRole.Agent, [commune.InseeCode], null);
    }

    private async Task SeedFamily(DemoCommune commune, int schoolIndex, int familyNumber, IReadOnlyList<DayOfWeek> canteenDays)
    {
        var familyId = FamilyId(commune.InseeCode, familyNumber);
        var family = grains.GetGrain<IFamilyGrain>(familyId);
        var name = FamilyNames[(familyNumber - 1) % FamilyNames.Length];
        var quotient = 350 + familyNumber * 137 % 1300;
        var existing = await family.GetProfile();
        if (existing is null)
            await family.Register(new FamilyProfile(familyId, name, commune.InseeCode, quotient, hasher.Hash(KioskPin)));
        await family.Credit($"demo-opening-{familyId}", 4000, "Approvisionnement initial (démonstration)");

        var schoolId = SchoolId(commune.InseeCode, schoolIndex);
        for (var c = 1; c <= ChildrenPerFamily; c++)
        {
            var childId = ChildId(commune.InseeCode, familyNumber, c);
            var firstName = FirstNames[(familyNumber * ChildrenPerFamily + c) % FirstNames.Length];
            var uid = CardUid(commune.InseeCode, schoolIndex, familyNumber, c);
            await grains.GetGrain<IChildGrain>(childId).Enrol(new ChildProfile(childId, familyId, commune.InseeCode, schoolId, firstName, name, uid));
            await family.AddChild(childId);
            await grains.GetGrain<ICardGrain>(uid).Assign(new CardHolder(childId, familyId, schoolId, commune.InseeCode, Blocked: false));
            await grains.GetGrain<ISchoolGrain>(schoolId).EnrolChild(
                new RosterChild(childId, firstName, uid, canteenDays, AllergyPlan: familyNumber % 5 == 0 && c == 1, Blocked: false));
        }
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

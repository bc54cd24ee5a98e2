using CarteValoise.Cloud.Household;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.Household;
using static CarteValoise.Cloud.Demo.DemoDepartement;

namespace CarteValoise.Cloud.Demo;

/// <summary>
/// The demo parents' household dossiers, prefilled from their commune's family (address, phone,
/// children and their schools) and completed with what a commune does not know: the parent's first
/// name, birth date, employer and CAF number (fictitious). A dossier made already is left as it is,
/// so that a restart changes nothing and a demo user's changes stay.
/// </summary>
public static class DemoHouseholds
{
    private static readonly string[] ParentFirstNames = ["Claire", "Karim", "Sophie"];
    private static readonly string[] Employers = ["Centre hospitalier René-Dubos", "Communauté d'agglomération de Cergy-Pontoise", "Lycée Georges-Braque"];

    public static async Task SeedAsync(IGrainFactory grains)
    {
        var directory = new HouseholdDirectory(grains, TimeProvider.System);
        for (var i = 0; i < Communes.Length; i++)
        {
            var commune = Communes[i];
            var login = ParentLogin(commune);
            if (await grains.GetGrain<IHouseholdIndexGrain>(login).GetHouseholdId() is not null) continue;
            var holder = new HouseholdAdultRecord("a1", ParentFirstNames[i], FamilyNames[0], new DateOnly(1985 + i, 3 + i, 12 + i),
                AdultRelationship.Parent, login, Phone(i, 1), Employers[i], $"{i + 1}23456{i + 7}");
            await directory.CreateFromFamily(login, FamilyId(commune.InseeCode, 1), login, holder);
        }
    }
}

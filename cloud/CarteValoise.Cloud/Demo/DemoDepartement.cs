using CarteValoise.Domain.Canteen;

namespace CarteValoise.Cloud.Demo;

/// <summary>
/// The demo département: three communes of the Val d'Oise with their INSEE codes, two schools each,
/// twelve families per commune with two children each. Everything a demo login needs is derived
/// from these lists by the rules written here and in <see cref="DemoSeeder"/>, and documented in the README.
/// </summary>
public static class DemoDepartement
{
    public sealed record DemoCommune(string InseeCode, string Name, string Slug, string PostalCode, string[] Schools, long[] MealPrices, BillingMode Billing);

    public static readonly DemoCommune[] Communes =
    [
        new("95127", "Cergy", "cergy", "95000", ["École élémentaire des Touleuses", "École élémentaire du Ponceau"], [95, 210, 330, 455], BillingMode.PrepaidBalance),
        new("95500", "Pontoise", "pontoise", "95300", ["École élémentaire Ludovic-Piette", "École élémentaire des Cordeliers"], [110, 240, 360, 480], BillingMode.PrepaidBalance),
        new("95018", "Argenteuil", "argenteuil", "95100", ["École élémentaire Jean-Jaurès", "École élémentaire Paul-Langevin"], [80, 195, 310, 420], BillingMode.MonthlyInvoice),
    ];

    /// <summary>Quotient familial bracket bounds shared by the demo tariffs (the last price is the full price).</summary>
    public static readonly int[] QuotientBounds = [500, 900, 1400];

    public const int FamiliesPerSchool = 6;
    public const int ChildrenPerFamily = 2;

    public static readonly string[] FamilyNames =
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent"];

    public static readonly string[] FirstNames =
        ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Nathan", "Jade", "Adam", "Manon", "Rayan", "Camille", "Louis",
         "Sarah", "Gabriel", "Lina", "Arthur", "Zoé", "Noah", "Alice", "Yanis", "Emma", "Sacha", "Nour", "Jules"];

    public static readonly string[] Streets =
        ["rue de la République", "avenue du Général-de-Gaulle", "rue des Écoles", "place de la Mairie", "allée des Tilleuls", "rue Pasteur"];

    /// <summary>The classes of an école élémentaire, youngest first; a CP child of 2026-2027 was born in 2020.</summary>
    public static readonly string[] Classes = ["CP", "CE1", "CE2", "CM1", "CM2"];

    public const string ParentPassword = "Demo-Parent-2026!";
    public const string AgentPassword = "Demo-Agent-2026!";
    public const string KioskPin = "2468";

    /// <summary>The date of every demo family's attestation CAF: a fixed day, so that a restart changes nothing.</summary>
    public static readonly DateOnly QuotientJustifiedOn = new(2026, 9, 15);

    public static string SchoolId(string insee, int schoolIndex) => $"{insee}-E{schoolIndex}";
    public static string FamilyId(string insee, int familyNumber) => $"{insee}-F{familyNumber:D3}";
    public static string ChildId(string insee, int familyNumber, int childIndex) => $"{insee}-C{familyNumber:D3}{childIndex}";

    /// <summary>"04" + INSEE + school index + family number + child index + "00": a 7-byte UID.</summary>
    public static string CardUid(string insee, int schoolIndex, int familyNumber, int childIndex) =>
        $"04{insee}{schoolIndex}{familyNumber:D3}{childIndex}00";

    /// <summary>Child 1 of every fifth family has an allergy plan (PAI); in every tenth family that child brings a home meal.</summary>
    public static bool HasAllergyPlan(int familyNumber, int childIndex) => familyNumber % 5 == 0 && childIndex == 1;

    public static bool BringsHomeMeal(int familyNumber, int childIndex) => HasAllergyPlan(familyNumber, childIndex) && familyNumber % 10 == 0;

    /// <summary>Child 2 of every fifth family goes home for lunch: no canteen days (a tap is a meal without reservation).</summary>
    public static bool EatsAtCanteen(int familyNumber, int childIndex) => !(familyNumber % 5 == 0 && childIndex == 2);

    /// <summary>Child 2 of every third family stays at the evening care on class days.</summary>
    public static bool StaysForEveningCare(int familyNumber, int childIndex) => familyNumber % 3 == 0 && childIndex == 2;

    public static string ClassOf(int familyNumber, int childIndex) => Classes[(familyNumber + childIndex) % Classes.Length];

    public static DateOnly BirthDate(int familyNumber, int childIndex) => new(
        2020 - Array.IndexOf(Classes, ClassOf(familyNumber, childIndex)),
        1 + (familyNumber * 5 + childIndex * 3) % 12,
        1 + (familyNumber * 11 + childIndex * 7) % 28);

    public static string Address(int familyNumber) => $"{familyNumber * 3 + 1} {Streets[(familyNumber - 1) % Streets.Length]}";

    /// <summary>In the range ARCEP keeps for fiction (06 39 98 …): a demo number never rings anyone.</summary>
    public static string Phone(int communeIndex, int familyNumber)
    {
        var digits = $"{communeIndex + 1}{familyNumber:D3}";
        return $"06 39 98 {digits[..2]} {digits[2..]}";
    }

    /// <summary>The first family of each commune is the demo parent's, whose login is its address.</summary>
    public static string Email(DemoCommune commune, int familyNumber) => familyNumber == 1
        ? ParentLogin(commune)
        : $"{commune.Slug}.famille{familyNumber:D3}@demo.cartevaloise.fr";

    public static string ParentLogin(DemoCommune commune) => $"parent.{commune.Slug}@demo.cartevaloise.fr";

    public static string AgentLogin(DemoCommune commune) => $"agent.{commune.Slug}@demo.cartevaloise.fr";

    /// <summary>«Agent de Cergy», «Agent d'Argenteuil».</summary>
    public static string AgentName(DemoCommune commune) =>
        "AEIOUÉÈÊ".Contains(commune.Name[0]) ? $"Agent d'{commune.Name}" : $"Agent de {commune.Name}";
}

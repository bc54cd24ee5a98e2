namespace CarteValoise.Cloud.Demo;

/// <summary>
/// The demo département: three communes of the Val d'Oise with their INSEE codes, two schools each,
/// twelve families per commune with two children each. Everything a demo login needs is derived
/// from these lists by the rules written in <see cref="DemoSeeder"/> and documented in the README.
/// </summary>
public static class DemoDepartement
{
    public sealed record DemoCommune(string InseeCode, string Name, string Slug, string[] Schools, long[] MealPrices);

    public static readonly DemoCommune[] Communes =
    [
        new("95127", "Cergy", "cergy", ["École élémentaire des Touleuses", "École élémentaire du Ponceau"], [95, 210, 330, 455]),
        new("95500", "Pontoise", "pontoise", ["École élémentaire Ludovic-Piette", "École élémentaire des Cordeliers"], [110, 240, 360, 480]),
        new("95018", "Argenteuil", "argenteuil", ["École élémentaire Jean-Jaurès", "École élémentaire Paul-Langevin"], [80, 195, 310, 420]),
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

    public const string ParentPassword = "Demo-Parent-2026!";
    public const string AgentPassword = "Demo-Agent-2026!";
    public const string KioskPin = "2468";

    public static string SchoolId(string insee, int schoolIndex) => $"{insee}-E{schoolIndex}";
    public static string FamilyId(string insee, int familyNumber) => $"{insee}-F{familyNumber:D3}";
    public static string ChildId(string insee, int familyNumber, int childIndex) => $"{insee}-C{familyNumber:D3}{childIndex}";

    /// <summary>"04" + INSEE + school index + family number + child index + "00": a 7-byte UID.</summary>
    public static string CardUid(string insee, int schoolIndex, int familyNumber, int childIndex) =>
        $"04{insee}{schoolIndex}{familyNumber:D3}{childIndex}00";
}

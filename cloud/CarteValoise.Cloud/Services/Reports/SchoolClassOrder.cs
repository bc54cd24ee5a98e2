using System.Globalization;

namespace CarteValoise.Cloud.Services.Reports;

/// <summary>
/// Classes in the order of the school, not of the alphabet: TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2
/// («CE1 B» and «CE1-CE2» by their first level); a class named otherwise comes after, by name.
/// </summary>
public sealed class SchoolClassOrder : IComparer<string>
{
    public static readonly SchoolClassOrder Instance = new();

    private static readonly string[] Levels = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"];

    public int Compare(string? x, string? y)
    {
        var byLevel = Rank(x).CompareTo(Rank(y));
        return byLevel != 0 ? byLevel : string.Compare(x, y, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
    }

    private static int Rank(string? schoolClass)
    {
        var level = (schoolClass ?? "").Trim().Split([' ', '-', '/'], 2)[0].ToUpperInvariant();
        var rank = Array.IndexOf(Levels, level);
        return rank >= 0 ? rank : Levels.Length;
    }
}

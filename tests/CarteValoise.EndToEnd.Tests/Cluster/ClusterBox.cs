using System.Security.Cryptography;
using CarteValoise.EndToEnd.Tests.Platform;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// A reader box the cluster's demo seed enrols, and the demo families whose children tap at it. In
/// each demo commune families 1 to 6 are at school E1 and 7 to 12 at E2, so a box taps only families
/// of its own school, and no two boxes share a family: each family's taps are one box's.
/// </summary>
public sealed record ClusterBox(DemoBox Box, string Commune, IReadOnlyList<int> Families)
{
    public static ClusterBox For(string boxId, string commune, params int[] families)
    {
        var schools = families.Select(f => SchoolIndex(f)).Distinct().ToList();
        if (schools.Count != 1) throw new ArgumentException($"Box {boxId}: families {string.Join(", ", families)} are not all at one school.");
        return new ClusterBox(new DemoBox(boxId, $"{commune}-E{schools[0]}", Convert.ToHexString(RandomNumberGenerator.GetBytes(24))), commune, families);
    }

    public string SchoolId => Box.SchoolId;

    public IReadOnlyList<string> FamilyIds => [.. Families.Select(f => $"{Commune}-F{f:D3}")];

    /// <summary>"04" + INSEE + school + family + child + "00", the two children of each family.</summary>
    public IReadOnlyList<string> Cards => [.. Families.SelectMany(f => new[] { Card(f, 1), Card(f, 2) })];

    /// <summary>The child a card of these families belongs to: "{INSEE}-C" + family + child.</summary>
    public string ChildIdOf(string card) => $"{Commune}-C{card[8..11]}{card[11]}";

    private string Card(int family, int child) => $"04{Commune}{SchoolIndex(family)}{family:D3}{child}00";

    private static int SchoolIndex(int family) => family <= 6 ? 1 : 2;
}

using System.Globalization;

namespace CarteValoise.Edge.Configuration;

/// <summary>
/// Box:CloudAddress (and the simulator's --cloud) holds one address, or several separated by
/// commas: the silos of a cluster, or one load balancer in front of them. The box speaks to one at
/// a time, in the order given, and moves to the next when its silo goes away.
/// </summary>
public static class CloudAddresses
{
    /// <summary>The addresses in the order given, trimmed (an empty one stays, for <see cref="Problems"/> to point at).</summary>
    public static IReadOnlyList<string> Split(string value) => value.Split(',', StringSplitOptions.TrimEntries);

    /// <summary>
    /// What is wrong with <paramref name="value"/>, one sentence per bad address, without a final
    /// full stop (the caller ends it as its other messages). A whole value left empty is the
    /// caller's to say. In a list, each sentence names the address's place, in French then English,
    /// since a list is often pasted from a cluster's documentation.
    /// </summary>
    /// <param name="name">How the person configuring it calls the setting (Box:CloudAddress, --cloud).</param>
    public static IReadOnlyList<string> Problems(string name, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var addresses = Split(value);
        if (addresses.Count == 1)
            return IsHttpAddress(addresses[0]) ? [] : [$"{name} « {value} » n'est pas une adresse http:// ou https:// complète"];

        var problems = new List<string>();
        for (var i = 0; i < addresses.Count; i++)
        {
            var place = string.Create(CultureInfo.InvariantCulture, $"{i + 1} sur {addresses.Count}");
            var placeInEnglish = string.Create(CultureInfo.InvariantCulture, $"{i + 1} of {addresses.Count}");
            if (addresses[i].Length == 0)
                problems.Add($"{name} : l'adresse {place} est vide (virgule en trop ?) — {name}: address {placeInEnglish} is empty (a comma too many?)");
            else if (!IsHttpAddress(addresses[i]))
                problems.Add($"{name} : l'adresse {place}, « {addresses[i]} », n'est pas une adresse http:// ou https:// complète "
                    + $"— {name}: address {placeInEnglish}, '{addresses[i]}', is not a full http:// or https:// address");
        }
        return problems;
    }

    private static bool IsHttpAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

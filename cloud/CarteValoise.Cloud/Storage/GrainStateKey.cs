using System.Text;
using Orleans.Runtime;

namespace CarteValoise.Cloud.Storage;

/// <summary>
/// The document id of one grain's state: <c>storage|state|grain</c>, readable in LiteDB Studio.
/// </summary>
internal static class GrainStateKey
{
    // The two names are escaped so that no choice of names can make two keys collide; the grain id
    // comes last and needs no escaping.
    public static string For(string storageName, string stateName, GrainId grainId)
    {
        var key = new StringBuilder(storageName.Length + stateName.Length + 48);
        AppendEscaped(key, storageName).Append('|');
        AppendEscaped(key, stateName).Append('|');
        return key.Append(grainId.ToString()).ToString();
    }

    private static StringBuilder AppendEscaped(StringBuilder key, string name)
    {
        foreach (var c in name)
        {
            if (c is '|' or '\\') key.Append('\\');
            key.Append(c);
        }
        return key;
    }
}

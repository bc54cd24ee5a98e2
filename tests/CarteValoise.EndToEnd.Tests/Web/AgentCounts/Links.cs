using System.Web;

namespace CarteValoise.EndToEnd.Tests.Web.AgentCounts;

/// <summary>A link of a page compared by its path and its query's values, whatever order the page writes them in.</summary>
public static class Links
{
    public static bool Are(string? href, string path, params (string Name, string Value)[] query)
    {
        if (href is null) return false;
        var parts = href.Split('?', 2);
        if (parts[0] != path) return false;
        var values = HttpUtility.ParseQueryString(parts.Length > 1 ? parts[1] : "");
        return values.Count == query.Length && query.All(q => values[q.Name] == q.Value);
    }
}

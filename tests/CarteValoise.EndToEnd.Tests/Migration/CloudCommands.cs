using System.Globalization;
using CarteValoise.EndToEnd.Tests.Processes;

namespace CarteValoise.EndToEnd.Tests.Migration;

/// <summary>The cloud executable's one-off commands (migrate, export, import), as an operator runs them.</summary>
internal static class CloudCommands
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    public static Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment) =>
        ComponentCommand.RunAsync(Component.Cloud, arguments, environment, Patience);

    /// <summary>The settings of a cloud on this PostgreSQL database.</summary>
    public static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["Storage__Kind"] = "Postgres",
        ["Storage__Postgres__ConnectionString"] = connectionString,
    };

    /// <summary>The key=value pairs of the output line that starts with this word, e.g. "IMPORTED records=12" gives records → 12.</summary>
    public static IReadOnlyDictionary<string, string> Line(CommandResult result, string word)
    {
        var line = result.StandardOutput.SingleOrDefault(l => l.StartsWith(word + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No \"{word}\" line in the output of the command:{Environment.NewLine}{result}");
        return line[(word.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : "");
    }

    public static long Number(IReadOnlyDictionary<string, string> line, string key) => long.Parse(line[key], CultureInfo.InvariantCulture);

    /// <summary>The "COUNT state=… records=…" lines, by state name.</summary>
    public static IReadOnlyDictionary<string, long> Counts(CommandResult result) =>
        result.StandardOutput.Where(l => l.StartsWith("COUNT ", StringComparison.Ordinal))
            .Select(l => l["COUNT ".Length..].Split(' ').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]))
            .ToDictionary(pairs => pairs["state"], pairs => long.Parse(pairs["records"], CultureInfo.InvariantCulture));
}

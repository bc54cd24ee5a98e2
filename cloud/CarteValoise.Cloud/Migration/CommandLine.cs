using CarteValoise.Cloud.Cluster;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The arguments of <c>export</c> and <c>import</c>: the command's own options (<c>--to file</c>,
/// <c>--to=file</c>, <c>--replace</c>), the rest left to configuration as for the silo
/// (<c>--Storage:Kind=Postgres</c>…). The command's name may come first or be already removed.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options;

    private CommandLine(Dictionary<string, string?> options, string[] configurationArgs)
    {
        _options = options;
        ConfigurationArgs = configurationArgs;
    }

    public string[] ConfigurationArgs { get; }

    public static CommandLine Parse(string[] args, string command, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var rest = new List<string>();
        var start = args.Length > 0 && string.Equals(args[0], command, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        for (var i = start; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                if (string.IsNullOrWhiteSpace(value))
                    throw new MigrationFailure(MigrationExitCodes.Usage, $"{command} : l'option {name} attend une valeur.");
                options[name] = value;
            }
            else if (flags.Contains(name) && inline is null)
            {
                options[name] = null;
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return new CommandLine(options, [.. rest]);
    }

    public string? Value(string option) => _options.GetValueOrDefault(option);

    public bool Has(string option) => _options.ContainsKey(option);

    /// <summary>
    /// Runs a command: its failures are explained on standard error and end with their exit code,
    /// never with a stack trace unless nobody foresaw them.
    /// </summary>
    public static async Task<int> RunAsync(string command, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (MigrationFailure failure)
        {
            await Console.Error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
        catch (ClusterConfigurationException problem)
        {
            await Console.Error.WriteLineAsync(problem.Message);
            return MigrationExitCodes.Usage;
        }
        catch (Exception unexpected)
        {
            await Console.Error.WriteLineAsync($"{command} a échoué / {command} failed: {unexpected}");
            return MigrationExitCodes.Unexpected;
        }
    }
}

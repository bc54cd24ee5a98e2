using System.Diagnostics;
using System.Text;

namespace CarteValoise.EndToEnd.Tests.Processes;

/// <summary>What a command of a component said and how it ended.</summary>
public sealed record CommandResult(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{string.Join(Environment.NewLine, StandardOutput)}"
        + $"{Environment.NewLine}--- stderr ---{Environment.NewLine}{string.Join(Environment.NewLine, StandardError)}";
}

/// <summary>
/// A component run to its end with arguments (`dotnet CarteValoise.Cloud.dll migrate`), as an
/// operator runs a one-off command: configured through environment variables only, like
/// <see cref="RunningProcess"/>, and killed if it has not ended in time.
/// </summary>
public static class ComponentCommand
{
    public static async Task<CommandResult> RunAsync(Component component, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment, TimeSpan patience)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = component.ProjectDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(component.AssemblyPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"dotnet did not start {component.AssemblyPath}.");
        var output = ReadLinesAsync(process.StandardOutput);
        var error = ReadLinesAsync(process.StandardError);
        using var deadline = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"`{Path.GetFileNameWithoutExtension(component.AssemblyPath)} {string.Join(' ', arguments)}` had not ended after {patience.TotalSeconds:0} s and was killed."
                + Environment.NewLine + new CommandResult(-1, await output, await error));
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }

    private static async Task<IReadOnlyList<string>> ReadLinesAsync(StreamReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line) lines.Add(line);
        return lines;
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CarteValoise.Edge.Simulation;

/// <summary>
/// <c>CarteValoise.Edge simulate …</c>: runs the simulator, prints its one SIMULATE line on
/// standard output (everything else on standard error) and exits 0 when every tap was
/// acknowledged, 1 when some were not (saying how many), 2 on bad arguments.
/// </summary>
public static class SimulateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!SimulateOptions.TryParse(args, out var options, out var problems))
        {
            Console.Error.WriteLine("simulate : arguments invalides.");
            foreach (var problem in problems) Console.Error.WriteLine($" - {problem}");
            Console.Error.WriteLine(SimulateOptions.Usage);
            return 2;
        }
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        var result = await new Simulator(options, TimeProvider.System, loggers, Console.Error).RunAsync(interrupted.Token);
        Console.Out.WriteLine(result.Report.Line());
        Console.Out.Flush();
        if (result.NeverAcknowledged == 0) return 0;
        Console.Error.WriteLine(
            $"simulate : {result.NeverAcknowledged} passage(s) jamais acquitté(s) par le cloud dans les {options.DrainTimeout.TotalSeconds} s d'attente après la fin des passages.");
        return 1;
    }
}

using System.Globalization;

namespace CarteValoise.Benchmarks.EndToEnd;

/// <summary>
/// The load simulator's closing line, `SIMULATE boxes=… taps=… acknowledged=…
/// sustained_taps_per_s=… p50_ms=… p99_ms=… outbox_high_water=…`, read by key so that a new
/// key or a new order does not break the benchmark.
/// </summary>
public sealed record SimulateResult(IReadOnlyDictionary<string, string> Values, string Line)
{
    public const string Prefix = "SIMULATE ";

    public static bool IsResultLine(string line) => line.StartsWith(Prefix, StringComparison.Ordinal);

    public static SimulateResult Parse(string line)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=');
            if (equals > 0) values[token[..equals]] = token[(equals + 1)..];
        }
        return new SimulateResult(values, line);
    }

    /// <summary>The number under <paramref name="key"/>, or NaN when the simulator did not print it.</summary>
    public double Number(string key) =>
        Values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : double.NaN;
}

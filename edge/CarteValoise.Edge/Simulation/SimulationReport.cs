using System.Globalization;

namespace CarteValoise.Edge.Simulation;

/// <summary>The simulator's one line on standard output. Its shape is a contract with the benchmark that parses it.</summary>
public sealed record SimulationReport(
    int Boxes,
    double TapsPerSecondTarget,
    double DurationSeconds,
    long Taps,
    long Acknowledged,
    double SustainedTapsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    long OutboxHighWater)
{
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"SIMULATE boxes={Boxes} taps_per_second_target={TapsPerSecondTarget:0.###} duration_s={DurationSeconds:0.###} taps={Taps} acknowledged={Acknowledged} "
        + $"sustained_taps_per_s={SustainedTapsPerSecond:0.0} p50_ms={P50Milliseconds:0.0} p99_ms={P99Milliseconds:0.0} outbox_high_water={OutboxHighWater}");
}

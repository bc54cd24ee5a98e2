namespace CarteValoise.Edge.Tests.Support;

/// <summary>
/// Tests that measure the process (its managed heap, its rate, its latency) run alone, after the
/// others: a neighbour test's allocations or CPU would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "mesuré seul";
}

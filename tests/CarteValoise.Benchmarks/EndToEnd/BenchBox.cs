namespace CarteValoise.Benchmarks.EndToEnd;

/// <summary>A demo box the silo enrols at start, so that a simulated or benchmarked box may connect as it.</summary>
public sealed record BenchBox(string BoxId, string SchoolId);

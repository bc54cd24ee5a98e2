namespace CarteValoise.Grains.Demarches;

/// <summary>Keys of the démarche grains made of several parts, written once so callers agree.</summary>
public static class DemarcheKeys
{
    /// <summary>The shard holding a request's queue line: «95127/2026/3» for number 750 to 999 of 2026.</summary>
    public static string QueueShard(string communeCode, int year, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{communeCode}/{year}/{number / IRequestQueueShardGrain.Size}");
}

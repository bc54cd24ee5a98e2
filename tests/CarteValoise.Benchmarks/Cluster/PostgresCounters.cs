namespace CarteValoise.Benchmarks.Cluster;

/// <summary>
/// PostgreSQL's work so far: the CPU of its processes, and its own statistics — commits and rows
/// of the benchmark's database (pg_stat_database), the WAL written and synced to disk
/// (pg_stat_wal), data blocks written (pg_stat_bgwriter). The WAL and block figures are the
/// server's; the benchmark's database is the only one in use. Connections are those open to the
/// database at the time (the silos' pools), not a count to subtract.
/// </summary>
public sealed record PostgresCounters(TimeSpan Cpu, long Commits, long TuplesInserted, long TuplesUpdated, long BlocksRead,
    long WalRecords, long WalBytes, long WalWrites, long WalSyncs, long BlocksWritten, long Connections)
{
    /// <summary>What was done since <paramref name="earlier"/>, with the connections open now.</summary>
    public PostgresCounters Since(PostgresCounters earlier) => new(
        Cpu - earlier.Cpu, Commits - earlier.Commits, TuplesInserted - earlier.TuplesInserted, TuplesUpdated - earlier.TuplesUpdated,
        BlocksRead - earlier.BlocksRead, WalRecords - earlier.WalRecords, WalBytes - earlier.WalBytes, WalWrites - earlier.WalWrites,
        WalSyncs - earlier.WalSyncs, BlocksWritten - earlier.BlocksWritten, Connections);
}

namespace CarteValoise.Benchmarks.Cluster;

/// <summary>One way of running the cloud that the cluster benchmark measures, beside the others.</summary>
/// <param name="Key">Its name on the command line (--setups) and in the BENCH keys.</param>
public sealed record ClusterSetup(string Key, string Title, int Silos, bool OnPostgres)
{
    public static ClusterSetup Embedded { get; } = new("embedded", "1 silo, LiteDB", 1, OnPostgres: false);

    public static ClusterSetup Postgres { get; } = new("postgres", "1 silo, PostgreSQL", 1, OnPostgres: true);

    public static ClusterSetup Cluster(int silos) => new("cluster", $"{silos} silos, PostgreSQL", silos, OnPostgres: true);
}

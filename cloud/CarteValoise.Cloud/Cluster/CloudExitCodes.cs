namespace CarteValoise.Cloud.Cluster;

/// <summary>
/// Exit codes of the cloud executable that scripts and supervisors act on: a configuration to fix,
/// a schema to migrate, a database to bring back. Anything else non-zero is an unexpected failure.
/// </summary>
public static class CloudExitCodes
{
    public const int Failure = 1;
    public const int Configuration = 2;
    public const int SchemaVersionMismatch = 3;
    public const int DatabaseUnreachable = 4;
}

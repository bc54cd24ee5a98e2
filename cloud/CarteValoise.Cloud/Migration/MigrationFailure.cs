using CarteValoise.Cloud.Cluster;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The exit codes of <c>export</c> and <c>import</c>; scripts tell the failures apart by them. The
/// first four are the cloud executable's own (<see cref="CloudExitCodes"/>).
/// </summary>
public static class MigrationExitCodes
{
    public const int Done = 0;
    /// <summary>Something unforeseen: the exception is printed.</summary>
    public const int Unexpected = CloudExitCodes.Failure;
    /// <summary>A missing or wrong argument or setting (no --to, Storage:Kind not the one the command needs…).</summary>
    public const int Usage = CloudExitCodes.Configuration;
    /// <summary>The PostgreSQL schema is not the version this build expects (run <c>migrate</c>).</summary>
    public const int SchemaVersion = CloudExitCodes.SchemaVersionMismatch;
    /// <summary>PostgreSQL did not answer.</summary>
    public const int DatabaseUnreachable = CloudExitCodes.DatabaseUnreachable;
    /// <summary>The export file is corrupt, truncated, or not one this build can import: nothing was written.</summary>
    public const int CorruptFile = 5;
    /// <summary>Refused: the target already holds grain states (import without --replace), or the export file already exists.</summary>
    public const int TargetNotEmpty = 6;
    /// <summary>Refused: the LiteDB file is held by a running silo.</summary>
    public const int SourceInUse = 7;
    /// <summary>The states were written but reading them back did not give the export again.</summary>
    public const int VerificationFailed = 8;
}

/// <summary>A failure the command explains to the operator (in French) and ends with its exit code.</summary>
public sealed class MigrationFailure(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}

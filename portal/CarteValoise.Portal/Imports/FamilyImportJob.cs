using System.Security.Cryptography;
using System.Text;
using CarteValoise.Contracts.Enrolment;

namespace CarteValoise.Portal.Imports;

/// <summary>
/// One families import an agent started: the file's preview, then, if the agent asks, its
/// enrolment. It belongs to the session that started it (only a hash of its token is kept).
/// </summary>
public sealed class FamilyImportJob
{
    private readonly object _gate = new();
    private ImportSnapshot _snapshot;

    internal FamilyImportJob(string id, string sessionToken, string commune, string fileName, long totalBytes, DateTimeOffset now)
    {
        Id = id;
        Owner = OwnerOf(sessionToken);
        Commune = commune;
        FileName = fileName;
        _snapshot = new ImportSnapshot(ImportStage.Reading, 0, totalBytes, 0, 0, 0, null, null, [], now);
    }

    public string Id { get; }

    public string Commune { get; }

    public string FileName { get; }

    internal string Owner { get; }

    /// <summary>Ended when the portal stops: a running import is abandoned, the cloud keeps nothing half-written.</summary>
    internal CancellationTokenSource Stopping { get; } = new();

    public ImportSnapshot Snapshot
    {
        get
        {
            lock (_gate) return _snapshot;
        }
    }

    internal bool IsOwnedBy(string sessionToken) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Owner), Encoding.ASCII.GetBytes(OwnerOf(sessionToken)));

    internal static string OwnerOf(string sessionToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionToken)));

    internal void Change(Func<ImportSnapshot, ImportSnapshot> change, DateTimeOffset now)
    {
        lock (_gate) _snapshot = change(_snapshot) with { ChangedAt = now };
    }

    /// <summary>
    /// Moves a previewed import on to its enrolment, or tries an interrupted enrolment again (the
    /// cloud recognises what it already enrolled); false when it is not waiting for that.
    /// </summary>
    internal bool TryStartApplying(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_snapshot.Stage is not (ImportStage.Previewed or ImportStage.Failed) || _snapshot.Preview is not { CanImport: true }) return false;
            _snapshot = _snapshot with { Stage = ImportStage.Applying, FamiliesDone = 0, FamiliesTotal = _snapshot.Preview.Families, Failure = [], ChangedAt = now };
            return true;
        }
    }

    internal void Progress(ImportProgressUpdate update, DateTimeOffset now) => Change(s => s.Stage switch
    {
        ImportStage.Reading => s with { BytesRead = update.BytesRead, TotalBytes = update.TotalBytes > 0 ? update.TotalBytes : s.TotalBytes, RowsRead = update.RowsRead },
        ImportStage.Applying => s with { FamiliesDone = update.FamiliesDone, FamiliesTotal = update.FamiliesTotal > 0 ? update.FamiliesTotal : s.FamiliesTotal },
        _ => s,
    }, now);

    internal void Fail(IReadOnlyList<string> reasons, DateTimeOffset now) => Change(s => s with { Stage = ImportStage.Failed, Failure = reasons }, now);
}

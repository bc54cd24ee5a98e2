using System.Text;
using CarteValoise.Cloud.Storage;

namespace CarteValoise.Cloud.Migration;

/// <summary>A grain state as the LiteDB file holds it: its storage and state names, its grain id, its bytes.</summary>
internal sealed record LiteDbState(string Storage, string State, string Grain, byte[] Data);

/// <summary>
/// A copy of a silo's LiteDB file (and its log), taken while no silo can open it, and read from
/// the copy: the silo's own file is never written, not even by LiteDB's checkpoint of its log at
/// closing, and a silo started during the export finds the file locked instead of changing it.
/// </summary>
internal sealed class LiteDbSnapshot : IAsyncDisposable
{
    private readonly string _directory;
    private readonly GrainStateFile _file;

    private LiteDbSnapshot(string directory, GrainStateFile file)
    {
        _directory = directory;
        _file = file;
    }

    /// <summary>States cleared by their grain: LiteDB keeps them without data, and they are not exported.</summary>
    public long Cleared { get; private set; }

    public static async Task<LiteDbSnapshot> TakeAsync(string dataPath, string workDirectory, CancellationToken cancellationToken)
    {
        if (!File.Exists(dataPath))
            throw new MigrationFailure(MigrationExitCodes.Usage,
                $"Le fichier LiteDB « {dataPath} » n'existe pas : rien à exporter (voir DataDirectory et Storage:LiteDb:Path).");

        // The log sits beside the data file under LiteDB's own name for it, as GrainStateFile opens it.
        var logPath = Path.Combine(Path.GetDirectoryName(dataPath)!,
            Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath));
        var directory = Directory.CreateDirectory(Path.Combine(workDirectory, ".export-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            // Shared read locks on both files until the copy is done; a running silo holds them exclusively.
            await using (var data = OpenShared(dataPath))
            await using (var log = File.Exists(logPath) ? OpenShared(logPath) : null)
            {
                await CopyAsync(data, Path.Combine(directory, Path.GetFileName(dataPath)), cancellationToken);
                if (log is not null) await CopyAsync(log, Path.Combine(directory, Path.GetFileName(logPath)), cancellationToken);
            }
            return new LiteDbSnapshot(directory, GrainStateFile.Open(Path.Combine(directory, Path.GetFileName(dataPath))));
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Every grain state that has data, in the order of their keys.</summary>
    public IEnumerable<LiteDbState> States()
    {
        Cleared = 0;
        foreach (var document in _file.States.FindAll())
        {
            var key = document["_id"].AsString;
            var stored = GrainStateFile.ToStoredState(document)!.Value;
            if (stored.Data is null)
            {
                Cleared++;
                continue;
            }
            var (storage, state, grain) = ParseKey(key);
            yield return new LiteDbState(storage, state, grain, stored.Data);
        }
    }

    /// <summary>The reverse of <see cref="GrainStateKey.For"/>: two escaped names, then the grain id as printed.</summary>
    internal static (string Storage, string State, string Grain) ParseKey(string key)
    {
        var names = new List<string>(2);
        var name = new StringBuilder();
        var i = 0;
        while (names.Count < 2)
        {
            if (i >= key.Length) throw new FormatException($"La clé « {key} » n'est pas une clé d'état de grain (stockage|état|grain).");
            var c = key[i++];
            if (c == '\\' && i < key.Length)
            {
                name.Append(key[i++]);
            }
            else if (c == '|')
            {
                names.Add(name.ToString());
                name.Clear();
            }
            else
            {
                name.Append(c);
            }
        }
        return (names[0], names[1], key[i..]);
    }

    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static FileStream OpenShared(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (IOException e)
        {
            throw new MigrationFailure(MigrationExitCodes.SourceInUse,
                $"Le fichier « {path} » est ouvert par un autre processus (un silo en marche ?) : arrêtez le silo avant d'exporter. ({e.Message})", e);
        }
    }

    private static async Task CopyAsync(FileStream source, string destination, CancellationToken cancellationToken)
    {
        await using var copy = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        await source.CopyToAsync(copy, cancellationToken);
    }
}

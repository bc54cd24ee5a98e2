using System.Globalization;
using LiteDB;
using LiteDB.Engine;

namespace CarteValoise.Cloud.Storage;

/// <summary>A grain state as the file holds it: a version, and the bytes unless it was cleared.</summary>
internal readonly record struct StoredState(long Version, byte[]? Data)
{
    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>False for a cleared state: the record stays, without data, so its version keeps counting.</summary>
    public bool Exists => Data is not null;
}

/// <summary>
/// The LiteDB file of one grain storage, opened over <see cref="DurableFileStream"/>s, and the
/// direct reads. Writes go through <see cref="GroupCommitWriter"/> only.
/// </summary>
internal sealed class GrainStateFile : IAsyncDisposable
{
    public const string CollectionName = "grain_state";
    public const string VersionField = "v";
    public const string DataField = "data";

    // LiteDB refuses a 101st open transaction and every read is one. Reads run on the caller's
    // thread; this bound keeps a burst of activations, or threads stalled behind a checkpoint,
    // from turning into "Maximum number of transactions reached".
    private const int MaxConcurrentReads = 32;

    private readonly DurableFileStream _dataFile;
    private readonly DurableFileStream _logFile;
    private readonly LiteDatabase _database;
    private readonly SemaphoreSlim _reads = new(MaxConcurrentReads, MaxConcurrentReads);
    private int _closed;

    private GrainStateFile(DurableFileStream dataFile, DurableFileStream logFile, LiteDatabase database)
    {
        _dataFile = dataFile;
        _logFile = logFile;
        _database = database;
        States = database.GetCollection(CollectionName);
    }

    public string Path => _dataFile.Path;

    public LiteDatabase Database => _database;

    public ILiteCollection<BsonDocument> States { get; }

    /// <summary>The log LiteDB appends each commit to; syncing it makes the commit durable.</summary>
    public DurableFileStream LogFile => _logFile;

    /// <summary>How many fsyncs both files received, checkpoints included.</summary>
    public long Syncs => _dataFile.Syncs + _logFile.Syncs;

    public static GrainStateFile Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath)!;
        DirectoryDurability.CreateDirectory(directory);

        // LiteDB's own name for the log, so that LiteDB tools opening the data file find it.
        var logPath = System.IO.Path.Combine(directory,
            System.IO.Path.GetFileNameWithoutExtension(fullPath) + "-log" + System.IO.Path.GetExtension(fullPath));

        DurableFileStream? dataFile = null, logFile = null;
        try
        {
            dataFile = DurableFileStream.Open(fullPath, out var dataCreated);
            logFile = DurableFileStream.Open(logPath, out var logCreated);
            dataFile.SyncedBefore = logFile;
            if (dataCreated || logCreated) DirectoryDurability.Sync(directory);

            var engine = new LiteEngine(new EngineSettings
            {
                DataStream = dataFile,
                LogStream = logFile,
                // LiteDB compares strings, ids included, by the current culture ignoring case unless
                // told otherwise: grains "Ab" and "ab" would share one record.
                Collation = Collation.Binary,
            });
            return new GrainStateFile(dataFile, logFile, new LiteDatabase(engine, mapper: null, disposeOnClose: true));
        }
        catch
        {
            logFile?.Dispose();
            dataFile?.Dispose();
            throw;
        }
    }

    /// <summary>Reads one state as last committed. Safe from any thread, concurrently with the writer.</summary>
    public async ValueTask<StoredState?> FindAsync(string key, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
            // Synchronous on purpose: LiteDB binds a transaction to the thread that opened it.
            return ToStoredState(States.FindById(key));
        }
        finally
        {
            _reads.Release();
        }
    }

    public static StoredState? ToStoredState(BsonDocument? document)
    {
        if (document is null) return null;
        var data = document.TryGetValue(DataField, out var value) && value.IsBinary ? value.AsBinary : null;
        return new StoredState(document[VersionField].AsInt64, data);
    }

    public static BsonDocument ToDocument(string key, long version, byte[]? data)
    {
        var document = new BsonDocument { ["_id"] = key, [VersionField] = version };
        if (data is not null) document[DataField] = data;
        return document;
    }

    /// <summary>
    /// Waits for reads in progress, then closes LiteDB (which checkpoints its log into the data file,
    /// synced) and the two files. The writer must be stopped first.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        for (var i = 0; i < MaxConcurrentReads; i++) await _reads.WaitAsync().ConfigureAwait(false);
        try
        {
            _database.Dispose();
        }
        finally
        {
            _logFile.Dispose();
            _dataFile.Dispose();
        }
    }
}

using CarteValoise.Cloud.Storage;
using LiteDB;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// The contents in a LiteDB file of their own, beside the grain states' (default
/// <c>carte-documents.db</c> in the data directory, or <c>DocumentSafe:LiteDb:Path</c>): each content
/// cut into chunks of 256 Ko (a LiteDB document holds 16 Mo at most), a content and its chunks written
/// in one transaction.
/// </summary>
/// <remarks>
/// Opened as the grain storage opens its own (<see cref="GrainStateFile"/>: one process, the log
/// synced before the data file) and used by one operation at a time, reads included: LiteDB 5.0.21
/// corrupts files under concurrent writers and binds a transaction to its thread, so each operation
/// runs whole on one pool thread, and a put returns only once its log is fsynced. Documents come and
/// go at the pace of people uploading them: one at a time costs nothing.
/// </remarks>
internal sealed class LiteDbDocumentContentStore(string path) : IDocumentContentStore, IAsyncDisposable
{
    public const string DefaultFileName = "carte-documents.db";
    private const string Contents = "document_contents";
    private const string Chunks = "document_chunks";
    private const int ChunkBytes = 256 * 1024;

    private readonly SemaphoreSlim _one = new(1, 1);
    private GrainStateFile? _file;
    private bool _closed;

    public string Path => path;

    public Task OpenAsync(CancellationToken cancellationToken) => RunAsync(_ => true, cancellationToken);

    public Task PutAsync(string contentId, byte[] sealedContent, CancellationToken cancellationToken) => RunAsync(file =>
    {
        var database = file.Database;
        database.BeginTrans();
        try
        {
            DeleteIn(database, contentId);
            var chunks = database.GetCollection(Chunks);
            var count = 0;
            for (var offset = 0; offset < sealedContent.Length; offset += ChunkBytes, count++)
                chunks.Insert(new BsonDocument
                {
                    ["_id"] = ChunkId(contentId, count),
                    ["data"] = sealedContent.AsSpan(offset, Math.Min(ChunkBytes, sealedContent.Length - offset)).ToArray(),
                });
            database.GetCollection(Contents).Insert(new BsonDocument { ["_id"] = contentId, ["length"] = sealedContent.Length, ["chunks"] = count });
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
        file.LogFile.Sync();
        return true;
    }, cancellationToken);

    public Task<byte[]?> GetAsync(string contentId, CancellationToken cancellationToken) => RunAsync(file =>
    {
        var database = file.Database;
        var content = database.GetCollection(Contents).FindById(contentId);
        if (content is null) return null;
        var bytes = new byte[content["length"].AsInt32];
        var chunks = database.GetCollection(Chunks);
        var offset = 0;
        for (var i = 0; i < content["chunks"].AsInt32; i++)
        {
            var data = chunks.FindById(ChunkId(contentId, i))?["data"].AsBinary
                ?? throw new DocumentUnreadableException(contentId, null);
            data.CopyTo(bytes, offset);
            offset += data.Length;
        }
        return offset == bytes.Length ? bytes : throw new DocumentUnreadableException(contentId, null);
    }, cancellationToken);

    /// <summary>Every content id stored, for <c>export</c>.</summary>
    public Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken) => RunAsync<IReadOnlyList<string>>(file =>
        [.. file.Database.GetCollection(Contents).FindAll().Select(content => content["_id"].AsString)], cancellationToken);

    public Task DeleteAsync(string contentId, CancellationToken cancellationToken) => RunAsync(file =>
    {
        var database = file.Database;
        database.BeginTrans();
        bool deleted;
        try
        {
            deleted = DeleteIn(database, contentId);
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
        if (deleted) file.LogFile.Sync();
        return true;
    }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _one.WaitAsync();
        try
        {
            _closed = true;
            if (_file is { } file) await file.DisposeAsync();
            _file = null;
        }
        finally
        {
            _one.Release();
        }
    }

    private static bool DeleteIn(LiteDatabase database, string contentId)
    {
        var contents = database.GetCollection(Contents);
        if (contents.FindById(contentId) is not { } existing) return false;
        var chunks = database.GetCollection(Chunks);
        for (var i = 0; i < existing["chunks"].AsInt32; i++) chunks.Delete(ChunkId(contentId, i));
        contents.Delete(contentId);
        return true;
    }

    private static string ChunkId(string contentId, int index) => $"{contentId}/{index:D5}";

    private async Task<T> RunAsync<T>(Func<GrainStateFile, T> work, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            // Whole on one thread, start to end: LiteDB binds a transaction to the thread that began it.
            return await Task.Run(() => work(_file ??= GrainStateFile.Open(path)), CancellationToken.None);
        }
        finally
        {
            _one.Release();
        }
    }
}

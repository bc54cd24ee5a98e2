using CarteValoise.Domain.Documents;

namespace CarteValoise.Grains.DocumentSafe;

/// <summary>
/// A citizen's safe, keyed by account id: the documents' descriptions and the copies frozen for
/// requests (the encrypted contents are in the file store, under each document's id). Every change
/// is one write, undone in memory if the write fails; each is idempotent, so a retried call after a
/// lost answer changes nothing more.
/// </summary>
public sealed class DocumentSafeGrain(
    [PersistentState("documentsafe", GrainKeys.StorageName)] IPersistentState<DocumentSafeState> state,
    TimeProvider time) : Grain, IDocumentSafeGrain
{
    private string OwnerAccountId => this.GetPrimaryKeyString();

    public Task<DocumentSafeContents> GetContents() =>
        Task.FromResult(new DocumentSafeContents([.. state.State.Documents], UsedBytes()));

    public Task<StoredDocument?> Get(string documentId) => Task.FromResult(Find(documentId));

    public async Task<StoredDocument> Add(StoredDocument document, long quotaBytes)
    {
        // The same upload again (a retry): its id is already there.
        if (Find(document.DocumentId) is { } already) return already;
        if (new DocumentLimits(long.MaxValue, quotaBytes).QuotaProblem(UsedBytes(), document.SizeBytes) is { } full)
            throw new InvalidOperationException(full);
        state.State.Documents.Add(document);
        await Write(() => state.State.Documents.Remove(document));
        return document;
    }

    public async Task<DocumentRemoval> Remove(string documentId)
    {
        var stillSubmitted = IsSubmitted(documentId);
        if (Find(documentId) is not { } document) return new DocumentRemoval(null, stillSubmitted);
        var index = state.State.Documents.IndexOf(document);
        state.State.Documents.RemoveAt(index);
        await Write(() => state.State.Documents.Insert(index, document));
        return new DocumentRemoval(document, stillSubmitted);
    }

    public async Task<IReadOnlyList<SubmittedDocument>> FreezeForRequest(string requestRef, string communeCode, IReadOnlyList<string> documentIds)
    {
        if (string.IsNullOrWhiteSpace(requestRef)) throw new ArgumentException("La référence de la demande manque.", nameof(requestRef));
        if (string.IsNullOrWhiteSpace(communeCode)) throw new ArgumentException("La commune de la demande manque.", nameof(communeCode));

        if (state.State.Submitted.TryGetValue(requestRef, out var frozen))
        {
            // Asked again (a retry): the same copies; the index may not have them if the first call stopped before it.
            await Index(requestRef).Record(frozen);
            return [.. frozen.Select(f => f.Copy)];
        }

        var ids = documentIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return [];
        var documents = ids.Select(Find).ToList();
        var missing = documents.Count(d => d is null);
        if (missing > 0)
            throw new InvalidOperationException(missing == 1
                ? "Un des documents choisis n'est plus dans votre espace de documents (supprimé entre-temps ?) : choisissez-en un autre ou ajoutez-le à nouveau."
                : $"{missing} des documents choisis ne sont plus dans votre espace de documents (supprimés entre-temps ?) : choisissez-en d'autres ou ajoutez-les à nouveau.");

        var now = time.GetUtcNow();
        var copies = documents.Select(d => new FrozenCopy(new SubmittedDocument(d!.DocumentId, requestRef, communeCode, OwnerAccountId, d.TypeCode, d.TypeLabel,
            d.FileName, d.ContentType, d.SizeBytes, d.IssuedOn, now), d.ValidUntil)).ToList();
        state.State.Submitted[requestRef] = copies;
        await Write(() => state.State.Submitted.Remove(requestRef));
        await Index(requestRef).Record(copies);
        return [.. copies.Select(f => f.Copy)];
    }

    public Task<IReadOnlyList<SubmittedDocument>> GetSubmitted(string requestRef) =>
        Task.FromResult<IReadOnlyList<SubmittedDocument>>(state.State.Submitted.TryGetValue(requestRef, out var copies) ? [.. copies.Select(f => f.Copy)] : []);

    public Task<IReadOnlyList<FrozenCopy>> GetAllSubmitted() =>
        Task.FromResult<IReadOnlyList<FrozenCopy>>([.. state.State.Submitted.Values.SelectMany(c => c).OrderBy(c => c.Copy.SubmittedAt)]);

    private StoredDocument? Find(string documentId) => state.State.Documents.Find(d => d.DocumentId == documentId);

    private bool IsSubmitted(string documentId) => state.State.Submitted.Values.Any(copies => copies.Any(c => c.Copy.DocumentId == documentId));

    private long UsedBytes() => state.State.Documents.Sum(d => d.SizeBytes);

    private ISubmittedDocumentsGrain Index(string requestRef) => GrainFactory.GetGrain<ISubmittedDocumentsGrain>(requestRef);

    private async Task Write(Action undo)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }
}

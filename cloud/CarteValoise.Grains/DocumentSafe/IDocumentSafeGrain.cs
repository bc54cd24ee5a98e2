using Orleans.Concurrency;

namespace CarteValoise.Grains.DocumentSafe;

/// <summary>
/// A citizen's document safe, keyed by account id: the metadata of each document (the encrypted
/// bytes are in the file store). The household and request areas call <see cref="FreezeForRequest"/>.
/// </summary>
public interface IDocumentSafeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Copies the named documents of this safe, as they are now, for a request: the copies never
    /// change, whatever the citizen later replaces or deletes. Idempotent per request: asking again
    /// for the same request returns the same copies. Refused (French message, nothing copied) for a
    /// document that is not in the safe.
    /// </summary>
    Task<IReadOnlyList<SubmittedDocument>> FreezeForRequest(string requestRef, string communeCode, IReadOnlyList<string> documentIds);

    /// <summary>The copies frozen for one request (empty if none).</summary>
    Task<IReadOnlyList<SubmittedDocument>> GetSubmitted(string requestRef);

    /// <summary>Every document in the safe, and the bytes they count against the quota.</summary>
    [ReadOnly]
    Task<DocumentSafeContents> GetContents();

    /// <summary>One document of the safe; null if it is not (or no longer) there.</summary>
    [ReadOnly]
    Task<StoredDocument?> Get(string documentId);

    /// <summary>
    /// Puts a document whose content is already in the file store into the safe. Idempotent on its
    /// id. Refused (French message, nothing added) when it does not fit in <paramref name="quotaBytes"/>.
    /// </summary>
    Task<StoredDocument> Add(StoredDocument document, long quotaBytes);

    /// <summary>Takes a document out of the safe; its frozen copies stay with their requests. Idempotent.</summary>
    Task<DocumentRemoval> Remove(string documentId);

    /// <summary>Every copy frozen for any request, oldest first ("Mes données").</summary>
    [ReadOnly]
    Task<IReadOnlyList<FrozenCopy>> GetAllSubmitted();
}

/// <summary>A frozen copy of a document, submitted with a request and readable by that request's commune.</summary>
[GenerateSerializer, Immutable]
public sealed record SubmittedDocument(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string RequestRef,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string OwnerAccountId,
    [property: Id(4)] string TypeCode,
    [property: Id(5)] string TypeLabel,
    [property: Id(6)] string FileName,
    [property: Id(7)] string ContentType,
    [property: Id(8)] long SizeBytes,
    [property: Id(9)] DateOnly? IssuedOn,
    [property: Id(10)] DateTimeOffset SubmittedAt);

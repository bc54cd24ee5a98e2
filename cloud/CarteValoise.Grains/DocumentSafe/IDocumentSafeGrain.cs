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

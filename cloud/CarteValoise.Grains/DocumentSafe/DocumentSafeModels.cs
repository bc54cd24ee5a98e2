namespace CarteValoise.Grains.DocumentSafe;

/// <summary>
/// A document in a citizen's safe. Its content, encrypted, is in the file store under
/// <see cref="DocumentId"/>; neither ever changes: a newer document is another document.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StoredDocument(
    [property: Id(0)] string DocumentId,
    [property: Id(1)] string TypeCode,
    [property: Id(2)] string TypeLabel,
    [property: Id(3)] string FileName,
    [property: Id(4)] string ContentType,
    [property: Id(5)] long SizeBytes,
    [property: Id(6)] DateOnly? IssuedOn,
    [property: Id(7)] DateOnly? ValidUntil,
    [property: Id(8)] DateTimeOffset UploadedAt);

/// <summary>What the safe holds, and how many bytes count against the account's quota.</summary>
[GenerateSerializer, Immutable]
public sealed record DocumentSafeContents(
    [property: Id(0)] IReadOnlyList<StoredDocument> Documents,
    [property: Id(1)] long UsedBytes);

/// <summary>
/// What a removal did: the document taken out of the safe (null if it was not there), and whether
/// a request still carries a copy of it, in which case its content must stay in the file store.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DocumentRemoval(
    [property: Id(0)] StoredDocument? Removed,
    [property: Id(1)] bool ContentStillSubmitted);

/// <summary>
/// A copy frozen for a request, with the last day the document was valid (the frozen record names
/// the document's own date only, and a pièce d'identité has none: its validity is its expiry date).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FrozenCopy(
    [property: Id(0)] SubmittedDocument Copy,
    [property: Id(1)] DateOnly? ValidUntil);

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>The documents' contents, encrypted on the way into the store and decrypted on the way out.</summary>
public sealed class DocumentFiles(IDocumentContentStore store, DocumentKey key)
{
    public Task SaveAsync(string documentId, ReadOnlySpan<byte> content, CancellationToken cancellationToken) =>
        store.PutAsync(documentId, DocumentCipher.Seal(key, documentId, content), cancellationToken);

    /// <summary>The content; null when the store has none under this id.</summary>
    /// <exception cref="DocumentUnreadableException">The stored bytes do not decrypt.</exception>
    public async Task<byte[]?> ReadAsync(string documentId, CancellationToken cancellationToken)
    {
        var sealedContent = await store.GetAsync(documentId, cancellationToken);
        return sealedContent is null ? null : DocumentCipher.Open(key, documentId, sealedContent);
    }

    public Task DeleteAsync(string documentId, CancellationToken cancellationToken) => store.DeleteAsync(documentId, cancellationToken);
}

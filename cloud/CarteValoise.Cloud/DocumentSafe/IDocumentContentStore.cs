namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// Where the documents' encrypted contents are kept, each under its document's id: a LiteDB file of
/// its own on one machine, a PostgreSQL table in a cluster (<c>Storage:Kind</c> chooses). It sees
/// sealed bytes only. A put is durable when its task ends.
/// </summary>
public interface IDocumentContentStore
{
    Task PutAsync(string contentId, byte[] sealedContent, CancellationToken cancellationToken);

    /// <summary>The sealed bytes; null when nothing is stored under this id.</summary>
    Task<byte[]?> GetAsync(string contentId, CancellationToken cancellationToken);

    Task DeleteAsync(string contentId, CancellationToken cancellationToken);

    /// <summary>Opens the store (creates the file), so that a silo that cannot open it fails at start, not at the first upload.</summary>
    Task OpenAsync(CancellationToken cancellationToken);
}

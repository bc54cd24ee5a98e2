namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// Opens the documents' store as the silo starts, so that a file held by another process or a bad
/// key stops the start rather than the first upload; and says when the key is not a configured one.
/// </summary>
internal sealed class DocumentStoreStartup(IDocumentContentStore store, DocumentKey key, ILogger<DocumentStoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (key.KeptIn is { } file)
            logger.LogWarning(
                "{Setting} n'est pas configurée : les documents sont chiffrés avec la clé gardée dans {File}, à côté des données. " +
                "En production, donnez une clé de 32 octets en base64 (la même à chaque silo d'un cluster) ; " +
                "gardez aussi celle-ci : sans elle, les documents déjà déposés sont illisibles.",
                DocumentKey.ConfigurationKey, file);
        await store.OpenAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

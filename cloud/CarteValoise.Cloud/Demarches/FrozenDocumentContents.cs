using CarteValoise.Cloud.DocumentSafe;
using Grpc.Core;

namespace CarteValoise.Cloud.Demarches;

/// <summary>The content of a document a request carries, read from the document store (a frozen copy shares its original's content).</summary>
public sealed class FrozenDocumentContents(DocumentFiles files, ILogger<FrozenDocumentContents> logger)
{
    public async Task<byte[]> Read(string documentId, CancellationToken cancellationToken)
    {
        try
        {
            if (await files.ReadAsync(documentId, cancellationToken) is { } content) return content;
            logger.LogError("Le contenu du document {DocumentId} manque dans le stockage des documents", documentId);
        }
        catch (DocumentUnreadableException unreadable)
        {
            logger.LogError(unreadable, "Le contenu du document {DocumentId} ne se déchiffre pas", documentId);
        }
        throw new RpcException(new Status(StatusCode.DataLoss, "Le contenu de ce document ne peut pas être lu : signalez-le à la mairie."));
    }
}

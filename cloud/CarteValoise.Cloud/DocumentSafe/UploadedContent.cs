using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Documents;
using Grpc.Core;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>The content chunks that follow an upload's description, gathered up to the size limit.</summary>
internal static class UploadedContent
{
    /// <summary>
    /// The whole content and its size; once past <paramref name="maxBytes"/>, reading stops and the
    /// size returned is only known to be larger: nothing beyond the limit is ever held.
    /// </summary>
    public static async Task<(byte[] Content, long Size)> ReadAsync(IAsyncStreamReader<UploadDocumentChunk> stream, long maxBytes, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        long size = 0;
        while (await stream.MoveNext(cancellation))
        {
            var part = stream.Current;
            if (part.PartCase != UploadDocumentChunk.PartOneofCase.Content)
                throw WireErrors.InvalidArgument("Un envoi porte un seul document : sa description d'abord, puis son contenu.");
            size += part.Content.Length;
            if (size > maxBytes) return (buffer.ToArray(), size);
            part.Content.WriteTo(buffer);
        }
        return (buffer.ToArray(), size);
    }
}

using CarteValoise.Contracts.Documents;
using Google.Protobuf;
using Grpc.Core;

namespace CarteValoise.Portal.DocumentSafe;

/// <summary>Which form field a refused upload's problem belongs to.</summary>
public enum UploadField
{
    Type,
    Date,
    File,
}

public sealed record UploadProblem(UploadField Field, string Message);

/// <summary>What became of an upload: the document added, or the cloud's problems, each with its field.</summary>
public sealed record UploadOutcome(SafeDocument? Added, IReadOnlyList<UploadProblem> Problems);

/// <summary>A file downloaded from the cloud: its description and its bytes.</summary>
public sealed record DownloadedDocument(SafeDocument Document, byte[] Content);

/// <summary>
/// Files to and from the cloud's Documents service, in chunks of 64 Ko: the cloud checks everything
/// (type, date, name, size, content, quota) and says what is wrong in French, line by line, with the
/// field of each line in a trailer.
/// </summary>
public sealed class SafeTransfers(Documents.DocumentsClient documents)
{
    private const int ChunkBytes = 64 * 1024;
    private const string ProblemFieldsTrailer = "carte-problem-fields";

    public async Task<UploadOutcome> UploadAsync(string typeCode, string date, IFormFile file, CancellationToken cancellationToken)
    {
        using var call = documents.UploadDocument(cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new UploadDocumentChunk
            {
                Header = new UploadDocumentHeader { TypeCode = typeCode, FileName = file.FileName, Date = date, DeclaredContentType = file.ContentType ?? "" },
            }, cancellationToken);
            await using var content = file.OpenReadStream();
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                await call.RequestStream.WriteAsync(new UploadDocumentChunk { Content = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // A cloud that refuses ends the call while the file is still being sent: its answer, read below, says why.
        }

        try
        {
            return new UploadOutcome(await call.ResponseAsync, []);
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.InvalidArgument)
        {
            return new UploadOutcome(null, Problems(refused));
        }
    }

    public async Task<DownloadedDocument> DownloadAsync(DownloadDocumentRequest request, CancellationToken cancellationToken)
    {
        using var call = documents.DownloadDocument(request, cancellationToken: cancellationToken);
        return await ReadAsync(call.ResponseStream, cancellationToken);
    }

    public async Task<DownloadedDocument> DownloadSubmittedAsync(DownloadSubmittedDocumentRequest request, CancellationToken cancellationToken)
    {
        using var call = documents.DownloadSubmittedDocument(request, cancellationToken: cancellationToken);
        return await ReadAsync(call.ResponseStream, cancellationToken);
    }

    private static async Task<DownloadedDocument> ReadAsync(IAsyncStreamReader<DocumentChunk> stream, CancellationToken cancellationToken)
    {
        SafeDocument? header = null;
        using var content = new MemoryStream();
        while (await stream.MoveNext(cancellationToken))
        {
            var chunk = stream.Current;
            if (chunk.PartCase == DocumentChunk.PartOneofCase.Header) header = chunk.Header;
            else chunk.Content.WriteTo(content);
        }
        return new DownloadedDocument(header ?? throw new RpcException(new Status(StatusCode.NotFound, "Document introuvable.")), content.ToArray());
    }

    private static List<UploadProblem> Problems(RpcException refused)
    {
        var lines = refused.Status.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fields = (refused.Trailers.GetValue(ProblemFieldsTrailer) ?? "").Split(',');
        return [.. lines.Select((line, i) => new UploadProblem(
            i < fields.Length && Enum.TryParse<UploadField>(fields[i], ignoreCase: true, out var field) ? field : UploadField.File, line))];
    }
}

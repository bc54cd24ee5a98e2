using System.Security.Cryptography;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Documents;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Documents;
using CarteValoise.Grains.DocumentSafe;
using Google.Protobuf;
using Grpc.Core;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// The document safe: a citizen lists, adds, downloads and deletes their own documents; a copy
/// submitted with a request is read by its owner and by the agents of the request's commune, each
/// agent's read written to the owner's access log. Whatever someone may not see answers exactly as
/// what does not exist.
/// </summary>
public sealed class DocumentsService(
    IGrainFactory grains,
    CallerResolver callers,
    AccessLog accessLog,
    DocumentFiles files,
    DocumentSafeSettings settings,
    TimeProvider time,
    ILogger<DocumentsService> logger) : Contracts.Documents.Documents.DocumentsBase
{
    /// <summary>A reason longer than this is cut in the access log.</summary>
    private const int LongestReason = 200;

    public override Task<DocumentTypeList> ListDocumentTypes(ListDocumentTypesRequest request, ServerCallContext context)
    {
        callers.Require(context);
        var list = new DocumentTypeList();
        list.Types_.AddRange(DocumentKinds.All.Select(kind => kind.ToWire()));
        return Task.FromResult(list);
    }

    public override async Task<DocumentList> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var caller = RequireSafe(context);
        var contents = await Safe(caller).GetContents();
        var today = Today;
        var list = new DocumentList { UsedBytes = contents.UsedBytes, QuotaBytes = settings.Limits.QuotaBytes };
        // The latest added first: the safe keeps them in the order they came.
        list.Documents.AddRange(contents.Documents
            .Where(d => string.IsNullOrWhiteSpace(request.TypeCode) || d.TypeCode == request.TypeCode.Trim())
            .Reverse()
            .Select(d => d.ToWire(today)));
        return list;
    }

    public override async Task<SafeDocument> UploadDocument(IAsyncStreamReader<UploadDocumentChunk> requestStream, ServerCallContext context)
    {
        var caller = RequireSafe(context);
        var cancellation = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellation) || requestStream.Current.PartCase != UploadDocumentChunk.PartOneofCase.Header)
            throw WireErrors.InvalidArgument("L'envoi d'un document commence par sa description (type, nom, date), puis son contenu.");
        var header = requestStream.Current.Header;
        var (content, size) = await UploadedContent.ReadAsync(requestStream, settings.Limits.MaxFileBytes, cancellation);

        var safe = Safe(caller);
        var used = (await safe.GetContents()).UsedBytes;
        var verdict = DocumentUpload.Check(new UploadRequest(header.TypeCode, header.FileName, header.Date), content, size, settings.Limits, used, Today);
        if (verdict.Accepted is not { } accepted) throw DocumentsWire.Refused(verdict.Problems);

        var documentId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await files.SaveAsync(documentId, content, cancellation);
        var document = new StoredDocument(documentId, accepted.Kind.Code, accepted.Kind.Label, accepted.FileName, accepted.Format.ContentType,
            size, accepted.IssuedOn, accepted.ValidUntil, time.GetUtcNow());
        try
        {
            document = await safe.Add(document, settings.Limits.QuotaBytes);
        }
        catch (InvalidOperationException full)
        {
            // Another upload of the same account took the room meanwhile: this content is nobody's.
            await files.DeleteAsync(documentId, CancellationToken.None);
            throw DocumentsWire.Refused([new UploadProblem(UploadField.File, full.Message)]);
        }
        // Any other failure leaves the content stored: the safe may have recorded the document after all,
        // and a content without a document costs space, whereas a document without its content is lost.
        logger.LogInformation("Document {DocumentId} ({Type}, {Bytes} octets) ajouté au coffre de {AccountId}", documentId, accepted.Kind.Code, size, caller.AccountId);
        return document.ToWire(Today);
    }

    public override async Task DownloadDocument(DownloadDocumentRequest request, IServerStreamWriter<DocumentChunk> responseStream, ServerCallContext context)
    {
        var caller = RequireSafe(context);
        var document = await Safe(caller).Get(request.DocumentId) ?? throw NotFound();
        var content = await ContentOf(document.DocumentId, context.CancellationToken);
        await SendAsync(responseStream, document.ToWire(Today), content);
    }

    public override async Task<DeleteDocumentReply> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context)
    {
        var caller = RequireSafe(context);
        var removal = await Safe(caller).Remove(request.DocumentId);
        // Only what this safe held: an id of someone else's document must not reach the store.
        if (removal.Removed is { } removed)
        {
            if (!removal.ContentStillSubmitted) await files.DeleteAsync(removed.DocumentId, CancellationToken.None);
            logger.LogInformation("Document {DocumentId} retiré du coffre de {AccountId} (copie jointe à une demande conservée : {Kept})",
                removed.DocumentId, caller.AccountId, removal.ContentStillSubmitted);
        }
        return new DeleteDocumentReply();
    }

    public override async Task DownloadSubmittedDocument(DownloadSubmittedDocumentRequest request, IServerStreamWriter<DocumentChunk> responseStream, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var requestRef = request.RequestRef.Trim();
        var frozen = requestRef.Length == 0
            ? null
            : (await grains.GetGrain<ISubmittedDocumentsGrain>(requestRef).Get()).FirstOrDefault(c => c.Copy.DocumentId == request.DocumentId);
        if (frozen is null || !DocumentAccessRules.CanReadSubmitted(caller, frozen.Copy.OwnerAccountId, frozen.Copy.CommuneCode))
        {
            logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé le document {DocumentId} de la demande {RequestRef}",
                caller.AccountId, caller.Role, request.DocumentId, requestRef);
            throw NotFound();
        }

        var copy = frozen.Copy;
        var content = await ContentOf(copy.DocumentId, context.CancellationToken);
        if (DocumentAccessRules.MustLogRead(caller))
            await accessLog.RecordAccountRead(caller, copy.OwnerAccountId, $"document « {copy.FileName} » ({copy.TypeLabel})", Why(requestRef, request.Reason));
        await SendAsync(responseStream, frozen.ToWire(Today), content);
    }

    private DateOnly Today => ServiceDay.Today(time);

    private IDocumentSafeGrain Safe(Caller caller) => grains.GetGrain<IDocumentSafeGrain>(caller.AccountId);

    private Caller RequireSafe(ServerCallContext context)
    {
        var caller = callers.Require(context);
        return DocumentAccessRules.HasSafe(caller)
            ? caller
            : throw WireErrors.PermissionDenied("L'espace de documents est celui des citoyens : ce compte n'en a pas.");
    }

    private static string Why(string requestRef, string reason)
    {
        var given = reason.Trim();
        if (given.Length > LongestReason) given = given[..LongestReason] + "…";
        return given.Length == 0 ? $"instruction de la demande {requestRef}" : $"demande {requestRef} : {given}";
    }

    private async Task<byte[]> ContentOf(string documentId, CancellationToken cancellation)
    {
        try
        {
            var content = await files.ReadAsync(documentId, cancellation);
            if (content is not null) return content;
            logger.LogError("Le contenu du document {DocumentId} manque dans le stockage des documents", documentId);
        }
        catch (DocumentUnreadableException unreadable)
        {
            logger.LogError(unreadable, "Le contenu du document {DocumentId} ne se déchiffre pas", documentId);
        }
        throw new RpcException(new Status(StatusCode.DataLoss,
            "Le contenu de ce document ne peut pas être lu. Ajoutez-le à nouveau, ou signalez-le à votre mairie si une demande le porte."));
    }

    private static async Task SendAsync(IServerStreamWriter<DocumentChunk> stream, SafeDocument header, byte[] content)
    {
        await stream.WriteAsync(new DocumentChunk { Header = header });
        for (var offset = 0; offset < content.Length; offset += DocumentSafeSettings.ChunkBytes)
            await stream.WriteAsync(new DocumentChunk
            {
                Content = ByteString.CopyFrom(content, offset, Math.Min(DocumentSafeSettings.ChunkBytes, content.Length - offset)),
            });
    }

    private static RpcException NotFound() => new(new Status(StatusCode.NotFound, "Document introuvable."));
}

using System.Security.Cryptography;
using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Documents;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The file an agent joins to a message: checked as the document safe checks a citizen's upload
/// (same content sniffing, size limit, file name rules, same French messages), then kept encrypted in
/// the documents' store under a content id of its own, and recorded on the message as a document of
/// the request, which the request's download path then serves like the citizen's frozen copies.
/// </summary>
public sealed class AgentAttachments(DocumentFiles files, DocumentSafeSettings settings, TimeProvider time)
{
    /// <summary>The form field the problems belong to.</summary>
    public const string Field = "piece-jointe";

    public const string TypeCode = "piece-commune";

    public const string TypeLabel = "Pièce jointe de la mairie";

    /// <summary>
    /// The document the file becomes, its content not stored yet; refused with every problem in French.
    /// The safe's own check is asked with a kind that takes no date, so that only the file's problems come out.
    /// </summary>
    public SubmittedDocument Check(string requestRef, string communeCode, string agentAccountId, string fileName, ReadOnlySpan<byte> content)
    {
        var verdict = DocumentUpload.Check(new UploadRequest(DocumentKinds.FamilyRecordBook.Code, fileName, null), content, content.Length,
            settings.Limits, usedBytes: 0, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (verdict.Accepted is not { } accepted)
            throw DemarcheWireErrors.Invalid([.. verdict.Problems.Select(p => new DemarcheProblem(Field, p.Message))]);
        var contentId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        return new SubmittedDocument(contentId, requestRef, communeCode, agentAccountId, TypeCode, TypeLabel,
            accepted.FileName, accepted.Format.ContentType, content.Length, IssuedOn: null, time.GetUtcNow());
    }

    public Task StoreAsync(SubmittedDocument document, byte[] content, CancellationToken cancellationToken) =>
        files.SaveAsync(document.DocumentId, content, cancellationToken);

    /// <summary>A stored file no message records (the message was refused, or already posted by the same operation).</summary>
    public Task ForgetAsync(SubmittedDocument document) => files.DeleteAsync(document.DocumentId, CancellationToken.None);

    /// <summary>The largest call that carries a file: the file at the safe's limit, with room for the message around it.</summary>
    public static int MaxReceiveMessageBytes(DocumentSafeSettings settings) =>
        (int)Math.Min(int.MaxValue, settings.Limits.MaxFileBytes + 256 * 1024);
}

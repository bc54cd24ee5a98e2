using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Documents;
using CarteValoise.Domain.Documents;
using CarteValoise.Grains.DocumentSafe;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using WireStatus = CarteValoise.Contracts.Documents.DocumentStatus;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>The safe's documents as the contracts carry them, each with where it stands today.</summary>
internal static class DocumentsWire
{
    /// <summary>The trailer naming, line by line, the form field of each problem of a refused upload: type, date or file.</summary>
    public const string ProblemFieldsTrailer = "carte-problem-fields";

    public static DocumentType ToWire(this DocumentKind kind) => new()
    {
        Code = kind.Code,
        Label = kind.Label,
        Validity = kind.ValidityText,
        AsksExpiryDate = kind.AsksExpiryDate,
        DateLabel = kind.DateLabel,
        DateHint = kind.DateHint,
        DateRequired = kind.DateRequired,
    };

    public static SafeDocument ToWire(this StoredDocument document, DateOnly today) =>
        Describe(document.DocumentId, document.TypeCode, document.TypeLabel, document.FileName, document.ContentType, document.SizeBytes,
            document.IssuedOn, document.ValidUntil, document.UploadedAt, today);

    /// <summary>A frozen copy: as submitted, standing as of today; «uploaded» is when it was submitted.</summary>
    public static SafeDocument ToWire(this FrozenCopy frozen, DateOnly today)
    {
        var copy = frozen.Copy;
        return Describe(copy.DocumentId, copy.TypeCode, copy.TypeLabel, copy.FileName, copy.ContentType, copy.SizeBytes,
            copy.IssuedOn, frozen.ValidUntil, copy.SubmittedAt, today);
    }

    /// <summary>INVALID_ARGUMENT, one French problem per line, and each problem's field in a trailer for the page to place it.</summary>
    public static RpcException Refused(IReadOnlyList<UploadProblem> problems) =>
        new(new Status(StatusCode.InvalidArgument, string.Join("\n", problems.Select(p => p.Message))),
            new Metadata { { ProblemFieldsTrailer, string.Join(",", problems.Select(p => p.Field.ToString().ToLowerInvariant())) } });

    private static SafeDocument Describe(string id, string typeCode, string typeLabel, string fileName, string contentType, long size,
        DateOnly? issuedOn, DateOnly? validUntil, DateTimeOffset at, DateOnly today)
    {
        var standing = DocumentStanding.On(validUntil, today);
        return new SafeDocument
        {
            DocumentId = id,
            TypeCode = typeCode,
            TypeLabel = DocumentKinds.Find(typeCode)?.Label ?? typeLabel,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = size,
            IssuedOn = issuedOn is { } issued ? WireDates.Format(issued) : "",
            ValidUntil = validUntil is { } until ? WireDates.Format(until) : "",
            Status = standing.Status switch
            {
                Domain.Documents.DocumentStatus.Valid => WireStatus.Valid,
                Domain.Documents.DocumentStatus.Expiring => WireStatus.Expiring,
                _ => WireStatus.Expired,
            },
            StatusText = standing.Text,
            UploadedAt = Timestamp.FromDateTimeOffset(at),
        };
    }
}

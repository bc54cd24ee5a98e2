using CarteValoise.Domain.Documents;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// The document safe's settings: <c>DocumentSafe:MaxFileBytes</c> (default 10 Mo) and
/// <c>DocumentSafe:QuotaBytes</c> (default 100 Mo per account); the key and the store have their own.
/// </summary>
public sealed record DocumentSafeSettings(DocumentLimits Limits)
{
    /// <summary>Each chunk a download sends; an upload's chunks should be as large (the portal's are).</summary>
    public const int ChunkBytes = 64 * 1024;

    /// <summary>The largest message the Documents service takes: a chunk, with room for a client that sends larger ones.</summary>
    public const int MaxReceiveMessageBytes = 1024 * 1024;

    public static DocumentSafeSettings From(IConfiguration configuration)
    {
        var maxFile = configuration.GetValue("DocumentSafe:MaxFileBytes", DocumentLimits.Default.MaxFileBytes);
        var quota = configuration.GetValue("DocumentSafe:QuotaBytes", DocumentLimits.Default.QuotaBytes);
        if (maxFile <= 0 || quota <= 0)
            throw new InvalidOperationException(
                "DocumentSafe:MaxFileBytes et DocumentSafe:QuotaBytes doivent être des nombres d'octets positifs. / DocumentSafe:MaxFileBytes and DocumentSafe:QuotaBytes must be positive byte counts.");
        return new DocumentSafeSettings(new DocumentLimits(maxFile, quota));
    }
}

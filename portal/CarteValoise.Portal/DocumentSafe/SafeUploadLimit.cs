namespace CarteValoise.Portal.DocumentSafe;

/// <summary>
/// How large a document the portal lets through to the cloud: <c>DocumentSafe:MaxFileBytes</c>
/// (10 Mo by default, as in the cloud, which decides), and the form around it.
/// </summary>
public sealed record SafeUploadLimit(long MaxFileBytes)
{
    /// <summary>The type, the date, the anti-forgery token and the multipart boundaries beside the file.</summary>
    public const long FormOverheadBytes = 256 * 1024;

    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    public long MaxRequestBytes => MaxFileBytes + FormOverheadBytes;

    /// <summary>«Le fichier dépasse 10 Mo…»: the cloud's words for a file too large, when the portal stops it first.</summary>
    public string TooLarge =>
        $"Le fichier dépasse {FrenchSize.Of(MaxFileBytes)}, la taille maximale d'un document : réduisez-le " +
        "(une photo en qualité moyenne ou un scan à 150 points par pouce suffit), puis envoyez-le à nouveau.";

    public static SafeUploadLimit From(IConfiguration configuration)
    {
        var max = configuration.GetValue("DocumentSafe:MaxFileBytes", DefaultMaxFileBytes);
        return max > 0 ? new SafeUploadLimit(max) : throw new InvalidOperationException("DocumentSafe:MaxFileBytes doit être un nombre d'octets positif.");
    }
}

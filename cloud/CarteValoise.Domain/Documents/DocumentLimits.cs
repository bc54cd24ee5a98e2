namespace CarteValoise.Domain.Documents;

/// <summary>How large one document may be, and how much an account's safe may hold in all.</summary>
public sealed record DocumentLimits(long MaxFileBytes, long QuotaBytes)
{
    public static readonly DocumentLimits Default = new(10 * ByteSize.Megabyte, 100 * ByteSize.Megabyte);

    public string? SizeProblem(string? fileName, long sizeBytes) => sizeBytes <= MaxFileBytes
        ? null
        : $"Le fichier « {DocumentFileName.Shown(fileName)} » dépasse {ByteSize.French(MaxFileBytes)}, la taille maximale d'un document : " +
          "réduisez-le (une photo en qualité moyenne ou un scan à 150 points par pouce suffit), puis envoyez-le à nouveau.";

    public string? QuotaProblem(long usedBytes, long sizeBytes) => usedBytes + sizeBytes <= QuotaBytes
        ? null
        : $"Ce document ({ByteSize.French(sizeBytes)}) ne tient pas dans votre espace : {ByteSize.French(usedBytes)} sont déjà utilisés sur {ByteSize.French(QuotaBytes)}. " +
          "Supprimez des documents dont vous n'avez plus besoin, puis envoyez-le à nouveau.";
}

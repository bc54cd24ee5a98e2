using System.Text.Json.Nodes;
using CarteValoise.Cloud.Privacy;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Documents;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// «documents» in «Mes données»: every document of the safe with its type, dates and status, every
/// copy submitted with a request, and the files themselves, decrypted — those of the safe, and the
/// submitted copies whose document has since left the safe.
/// </summary>
public sealed class DocumentsDataSection(IGrainFactory grains, DocumentFiles files, TimeProvider time, ILogger<DocumentsDataSection> logger)
    : IDescribedPersonalDataSection
{
    public string Name => "documents";

    public string Title => "Mes documents";

    public string Description =>
        "Les pièces justificatives de votre espace de documents (type, dates, validité), les copies jointes à vos demandes "
        + "et à quelle commune elles ont été transmises, et les fichiers eux-mêmes.";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var safe = grains.GetGrain<IDocumentSafeGrain>(citizen.AccountId);
        var contents = await safe.GetContents();
        var submitted = await safe.GetAllSubmitted();
        var today = ServiceDay.Today(time);

        var fileList = new List<PersonalDataFile>();
        var inSafe = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in contents.Documents.OrderBy(d => d.UploadedAt))
        {
            inSafe.Add(document.DocumentId);
            await AddFileAsync(fileList, document.DocumentId, document.FileName, document.ContentType, cancellationToken);
        }
        foreach (var frozen in submitted.Where(f => !inSafe.Contains(f.Copy.DocumentId)).DistinctBy(f => f.Copy.DocumentId))
            await AddFileAsync(fileList, frozen.Copy.DocumentId, $"demande {frozen.Copy.RequestRef} - {frozen.Copy.FileName}", frozen.Copy.ContentType, cancellationToken);

        var data = new JsonObject
        {
            ["espaceUtiliséEnOctets"] = contents.UsedBytes,
            ["documents"] = new JsonArray([.. contents.Documents.OrderBy(d => d.UploadedAt).Select(d =>
            {
                var standing = DocumentStanding.On(d.ValidUntil, today);
                return (JsonNode)new JsonObject
                {
                    ["type"] = d.TypeLabel,
                    ["nomDuFichier"] = d.FileName,
                    ["format"] = d.ContentType,
                    ["tailleEnOctets"] = d.SizeBytes,
                    ["dateDuDocument"] = d.IssuedOn is { } issued ? ArchiveJson.Day(issued) : null,
                    ["valableJusquAu"] = d.ValidUntil is { } until ? ArchiveJson.Day(until) : null,
                    ["état"] = standing.Text,
                    ["ajoutéLe"] = ArchiveJson.Instant(d.UploadedAt),
                };
            })]),
            ["copiesJointesAuxDemandes"] = new JsonArray([.. submitted.Select(f => (JsonNode)new JsonObject
            {
                ["demande"] = f.Copy.RequestRef,
                ["communeDeLaDemande"] = f.Copy.CommuneCode,
                ["type"] = f.Copy.TypeLabel,
                ["nomDuFichier"] = f.Copy.FileName,
                ["tailleEnOctets"] = f.Copy.SizeBytes,
                ["dateDuDocument"] = f.Copy.IssuedOn is { } issued ? ArchiveJson.Day(issued) : null,
                ["valableJusquAu"] = f.ValidUntil is { } until ? ArchiveJson.Day(until) : null,
                ["jointeLe"] = ArchiveJson.Instant(f.Copy.SubmittedAt),
                ["encoreDansMonEspace"] = inSafe.Contains(f.Copy.DocumentId),
            })]),
        };
        return new PersonalDataPart(data, fileList);
    }

    private async Task AddFileAsync(List<PersonalDataFile> fileList, string documentId, string fileName, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            if (await files.ReadAsync(documentId, cancellationToken) is { } content)
            {
                fileList.Add(new PersonalDataFile(fileName, contentType, content));
                return;
            }
        }
        catch (DocumentUnreadableException unreadable)
        {
            logger.LogError(unreadable, "Le contenu du document {DocumentId} ne se déchiffre pas : absent de l'archive « Mes données »", documentId);
            return;
        }
        logger.LogError("Le contenu du document {DocumentId} manque : absent de l'archive « Mes données »", documentId);
    }
}

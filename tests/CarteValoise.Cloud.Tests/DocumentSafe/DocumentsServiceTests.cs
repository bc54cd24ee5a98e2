using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Services;
using CarteValoise.Contracts.Documents;
using CarteValoise.Domain.Documents;
using CarteValoise.Grains.DocumentSafe;
using CarteValoise.Grains.Families;
using Grpc.Core;
using Xunit;
using WireStatus = CarteValoise.Contracts.Documents.DocumentStatus;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>What the portal's documents pages get from the cloud: the lists, the refusals in French, and who reaches what.</summary>
[Collection(DocumentsSiloCollection.Name)]
public sealed class DocumentsServiceTests(DocumentsSilo silo)
{
    private DocumentsService Documents => silo.Service();

    private static async Task<RpcException> Refused(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    [Fact]
    public async Task A_citizen_adds_a_pdf_sees_it_valid_and_downloads_the_same_bytes()
    {
        var account = DocumentsSilo.NewAccount();
        var parent = silo.Parent(account);
        var pdf = SampleFiles.Pdf("Quittance de loyer de novembre " + new string('.', 150_000));

        var added = await DocumentsSilo.UploadAsync(Documents, parent, "justificatif-domicile", "quittance-novembre.pdf", "2026-11-05", pdf);
        var list = await Documents.ListDocuments(new ListDocumentsRequest(), parent);
        var (header, content) = await DocumentsSilo.ReadAsync(stream => Documents.DownloadDocument(new DownloadDocumentRequest { DocumentId = added.DocumentId }, stream, parent));

        Assert.Equal(("justificatif-domicile", "Justificatif de domicile", "quittance-novembre.pdf", "application/pdf", (long)pdf.Length, "2026-11-05", "2027-02-04", WireStatus.Valid, "valable jusqu'au 4 février 2027"),
            (added.TypeCode, added.TypeLabel, added.FileName, added.ContentType, added.SizeBytes, added.IssuedOn, added.ValidUntil, added.Status, added.StatusText));
        Assert.Equal(silo.Time.GetUtcNow(), added.UploadedAt.ToDateTimeOffset());
        Assert.Equal([added], list.Documents);
        Assert.Equal(((long)pdf.Length, 100L * 1024 * 1024), (list.UsedBytes, list.QuotaBytes));
        Assert.Equal(added, header);
        Assert.Equal(pdf, content);
    }

    [Fact]
    public async Task Each_document_stands_as_its_type_reads_its_date()
    {
        var parent = silo.Parent(DocumentsSilo.NewAccount());

        await DocumentsSilo.UploadAsync(Documents, parent, "justificatif-domicile", "edf-aout.pdf", "2026-08-03", SampleFiles.Pdf("EDF"));
        await DocumentsSilo.UploadAsync(Documents, parent, "avis-imposition", "avis-2025.pdf", "2025-08-28", SampleFiles.Pdf("Avis"));
        await DocumentsSilo.UploadAsync(Documents, parent, "piece-identite", "cni.png", "2031-05-12", SampleFiles.Png());
        await DocumentsSilo.UploadAsync(Documents, parent, "livret-famille", "livret.pdf", "", SampleFiles.Pdf("Livret"));

        var list = await Documents.ListDocuments(new ListDocumentsRequest(), parent);
        var identityOnly = await Documents.ListDocuments(new ListDocumentsRequest { TypeCode = "piece-identite" }, parent);

        Assert.Equal(
        [
            ("livret.pdf", "", "", WireStatus.Valid, "valable sans limite de durée"),
            ("cni.png", "", "2031-05-12", WireStatus.Valid, "valable jusqu'au 12 mai 2031"),
            ("avis-2025.pdf", "2025-08-28", "2026-12-31", WireStatus.Expiring, "expire dans 29 jours (valable jusqu'au 31 décembre 2026)"),
            ("edf-aout.pdf", "2026-08-03", "2026-11-02", WireStatus.Expired, "expiré depuis le 3 novembre 2026"),
        ], list.Documents.Select(d => (d.FileName, d.IssuedOn, d.ValidUntil, d.Status, d.StatusText)));
        Assert.Equal(["cni.png"], identityOnly.Documents.Select(d => d.FileName));
    }

    [Fact]
    public async Task An_executable_renamed_pdf_is_refused_in_french_and_nothing_is_stored()
    {
        var parent = silo.Parent(DocumentsSilo.NewAccount());

        var refused = await Refused(() => DocumentsSilo.UploadAsync(Documents, parent, "justificatif-domicile", "facture.pdf", "2026-11-05", SampleFiles.WindowsProgram()));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("« facture.pdf » est un programme exécutable, pas un document, quel que soit son nom : envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG.",
            refused.Status.Detail);
        Assert.Equal("file", refused.Trailers.GetValue(DocumentsWire.ProblemFieldsTrailer));
        Assert.Empty((await Documents.ListDocuments(new ListDocumentsRequest(), parent)).Documents);
    }

    [Fact]
    public async Task Every_problem_comes_at_once_each_with_its_field()
    {
        var parent = silo.Parent(DocumentsSilo.NewAccount());

        var refused = await Refused(() => DocumentsSilo.UploadAsync(Documents, parent, "", "../../etc/passwd.pdf", "2026-11-05", SampleFiles.Pdf("Texte")));
        var future = await Refused(() => DocumentsSilo.UploadAsync(Documents, parent, "attestation-caf", "caf.pdf", "2026-12-04", SampleFiles.Pdf("CAF")));

        Assert.Equal("Choisissez le type de document.\n" +
                     "Le nom « ../../etc/passwd.pdf » contient un chemin (« / », « \\ » ou « .. ») : envoyez le fichier sous un nom simple, par exemple « justificatif.pdf ».",
            refused.Status.Detail);
        Assert.Equal("type,file", refused.Trailers.GetValue(DocumentsWire.ProblemFieldsTrailer));
        Assert.Equal(("La date de l'attestation (4 décembre 2026) est dans le futur : indiquez la date écrite sur le document.", "date"),
            (future.Status.Detail, future.Trailers.GetValue(DocumentsWire.ProblemFieldsTrailer)));
        Assert.Empty((await Documents.ListDocuments(new ListDocumentsRequest(), parent)).Documents);
    }

    [Fact]
    public async Task A_file_over_the_limit_or_over_the_quota_is_refused_and_nothing_is_stored()
    {
        var parent = silo.Parent(DocumentsSilo.NewAccount());
        var documents = silo.Service(new DocumentLimits(MaxFileBytes: 100_000, QuotaBytes: 150_000));
        var large = SampleFiles.Pdf(new string('x', 100_000));
        var medium = SampleFiles.Pdf(new string('y', 80_000));

        var tooLarge = await Refused(() => DocumentsSilo.UploadAsync(documents, parent, "livret-famille", "livret.pdf", "", large));
        await DocumentsSilo.UploadAsync(documents, parent, "livret-famille", "livret-1.pdf", "", medium);
        var full = await Refused(() => DocumentsSilo.UploadAsync(documents, parent, "livret-famille", "livret-2.pdf", "", medium));

        Assert.Equal("Le fichier « livret.pdf » dépasse 98 Ko, la taille maximale d'un document : réduisez-le (une photo en qualité moyenne ou un scan à 150 points par pouce suffit), puis envoyez-le à nouveau.",
            tooLarge.Status.Detail);
        Assert.Equal($"Ce document (79 Ko) ne tient pas dans votre espace : 79 Ko sont déjà utilisés sur 147 Ko. Supprimez des documents dont vous n'avez plus besoin, puis envoyez-le à nouveau.",
            full.Status.Detail);
        Assert.Equal(["livret-1.pdf"], (await documents.ListDocuments(new ListDocumentsRequest(), parent)).Documents.Select(d => d.FileName));
    }

    [Fact]
    public async Task Another_parent_neither_downloads_nor_deletes_a_document_that_is_not_theirs()
    {
        var owner = silo.Parent(DocumentsSilo.NewAccount());
        var other = silo.Parent(DocumentsSilo.NewAccount());
        var added = await DocumentsSilo.UploadAsync(Documents, owner, "livret-famille", "livret.pdf", "", SampleFiles.Pdf("Livret"));

        var download = await Refused(() => Documents.DownloadDocument(new DownloadDocumentRequest { DocumentId = added.DocumentId }, new Written<DocumentChunk>(), other));
        await Documents.DeleteDocument(new DeleteDocumentRequest { DocumentId = added.DocumentId }, other);

        Assert.Equal((StatusCode.NotFound, "Document introuvable."), (download.StatusCode, download.Status.Detail));
        Assert.Equal([added.DocumentId], (await Documents.ListDocuments(new ListDocumentsRequest(), owner)).Documents.Select(d => d.DocumentId));
        Assert.NotNull(await silo.Files.ReadAsync(added.DocumentId, CancellationToken.None));
    }

    [Fact]
    public async Task Agents_and_kiosks_have_no_safe()
    {
        var agent = await Refused(() => Documents.ListDocuments(new ListDocumentsRequest(), silo.Agent("95127")));
        var kiosk = await Refused(() => DocumentsSilo.UploadAsync(Documents, silo.Kiosk(), "livret-famille", "livret.pdf", "", SampleFiles.Pdf("Livret")));
        var anonymous = await Refused(() => Documents.ListDocumentTypes(new ListDocumentTypesRequest(), new Billing.CallContext(null)));

        Assert.Equal((StatusCode.PermissionDenied, "L'espace de documents est celui des citoyens : ce compte n'en a pas."), (agent.StatusCode, agent.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, kiosk.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_deleted_document_leaves_the_list_and_the_store()
    {
        var parent = silo.Parent(DocumentsSilo.NewAccount());
        var added = await DocumentsSilo.UploadAsync(Documents, parent, "attestation-caf", "caf.pdf", "2026-11-20", SampleFiles.Pdf("CAF"));

        await Documents.DeleteDocument(new DeleteDocumentRequest { DocumentId = added.DocumentId }, parent);

        var list = await Documents.ListDocuments(new ListDocumentsRequest(), parent);
        Assert.Equal((0, 0L), (list.Documents.Count, list.UsedBytes));
        Assert.Null(await silo.Files.ReadAsync(added.DocumentId, CancellationToken.None));
    }

    [Fact]
    public async Task A_submitted_copy_is_read_by_the_request_s_commune_logged_for_the_citizen_and_kept_after_deletion()
    {
        var account = DocumentsSilo.NewAccount();
        var parent = silo.Parent(account);
        var pdf = SampleFiles.Pdf("Quittance soumise");
        var added = await DocumentsSilo.UploadAsync(Documents, parent, "justificatif-domicile", "quittance.pdf", "2026-11-05", pdf);
        var requestRef = $"DOS-95127-2026-{Random.Shared.Next(100_000, 999_999)}";
        await silo.Grains.GetGrain<IDocumentSafeGrain>(account).FreezeForRequest(requestRef, "95127", [added.DocumentId]);

        await Documents.DeleteDocument(new DeleteDocumentRequest { DocumentId = added.DocumentId }, parent);
        var request = new DownloadSubmittedDocumentRequest { RequestRef = requestRef, DocumentId = added.DocumentId, Reason = "vérification du domicile" };
        var (header, content) = await DocumentsSilo.ReadAsync(stream => Documents.DownloadSubmittedDocument(request, stream, silo.Agent("95127")));
        var byOwner = await DocumentsSilo.ReadAsync(stream => Documents.DownloadSubmittedDocument(request, stream, parent));
        var otherCommune = await Refused(() => Documents.DownloadSubmittedDocument(request, new Written<DocumentChunk>(), silo.Agent("95500")));
        var otherParent = await Refused(() => Documents.DownloadSubmittedDocument(request, new Written<DocumentChunk>(), silo.Parent(DocumentsSilo.NewAccount())));
        var notSubmitted = await Refused(() => Documents.DownloadSubmittedDocument(
            new DownloadSubmittedDocumentRequest { RequestRef = "DOS-95127-2026-000000", DocumentId = added.DocumentId }, new Written<DocumentChunk>(), silo.Agent("95127")));

        Assert.Empty((await Documents.ListDocuments(new ListDocumentsRequest(), parent)).Documents);
        Assert.Equal(("quittance.pdf", "Justificatif de domicile", WireStatus.Valid), (header.FileName, header.TypeLabel, header.Status));
        Assert.Equal(pdf, content);
        Assert.Equal(pdf, byOwner.Content);
        Assert.Equal([StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound], new[] { otherCommune, otherParent, notSubmitted }.Select(r => r.StatusCode));
        var read = Assert.Single(await silo.Grains.GetGrain<IAccessLogGrain>(AccessLog.AccountLogKey(account)).GetEntries());
        Assert.Equal(("agent.95127@mairie.fr", "document « quittance.pdf » (Justificatif de domicile)", $"demande {requestRef} : vérification du domicile", true),
            (read.AccountId, read.What, read.Why, read.Allowed));
        Assert.Equal(["95127"], read.CommuneCodes!);
    }

    [Fact]
    public async Task The_personal_data_section_gives_the_list_and_the_files()
    {
        var account = DocumentsSilo.NewAccount();
        var parent = silo.Parent(account);
        var pdf = SampleFiles.Pdf("Avis 2025");
        var png = SampleFiles.Png();
        var kept = await DocumentsSilo.UploadAsync(Documents, parent, "avis-imposition", "avis.pdf", "2025-08-28", pdf);
        var deleted = await DocumentsSilo.UploadAsync(Documents, parent, "piece-identite", "cni.png", "2031-05-12", png);
        await silo.Grains.GetGrain<IDocumentSafeGrain>(account).FreezeForRequest("DOS-95127-2026-777777", "95127", [deleted.DocumentId]);
        await Documents.DeleteDocument(new DeleteDocumentRequest { DocumentId = deleted.DocumentId }, parent);
        var section = new DocumentsDataSection(silo.Grains, silo.Files, silo.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<DocumentsDataSection>.Instance);

        var part = await section.CollectAsync(new Domain.Access.Caller(account, "Léa Martin", Domain.Access.CallerRole.Parent, new HashSet<string>(), null), CancellationToken.None);

        Assert.Equal([("avis.pdf", "application/pdf", pdf), ("demande DOS-95127-2026-777777 - cni.png", "image/png", png)],
            part.Files.Select(f => (f.FileName, f.ContentType, f.Content)));
        var json = System.Text.Json.JsonSerializer.Serialize(part.Data);
        Assert.Contains("\"nomDuFichier\":\"avis.pdf\"", json);
        Assert.Contains("\"demande\":\"DOS-95127-2026-777777\"", json);
        Assert.Contains("\"encoreDansMonEspace\":false", json);
        Assert.Equal("avis.pdf", kept.FileName);
    }

    [Fact]
    public async Task The_types_are_listed_with_their_validity()
    {
        var types = await Documents.ListDocumentTypes(new ListDocumentTypesRequest(), silo.Agent("95127"));

        Assert.Equal(DocumentKinds.All.Select(k => (k.Code, k.Label, k.ValidityText, k.AsksExpiryDate, k.DateLabel, k.DateHint, k.DateRequired)),
            types.Types_.Select(t => (t.Code, t.Label, t.Validity, t.AsksExpiryDate, t.DateLabel, t.DateHint, t.DateRequired)));
        Assert.Equal([("livret-famille", "Date de délivrance du livret", false, false), ("piece-identite", "Date d'expiration de la pièce", true, true)],
            types.Types_.Where(t => t.Code is "piece-identite" or "livret-famille").Select(t => (t.Code, t.DateLabel, t.AsksExpiryDate, t.DateRequired)));
    }
}

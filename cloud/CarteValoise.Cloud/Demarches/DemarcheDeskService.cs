using CarteValoise.Cloud.Household;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.DocumentSafe;
using Google.Protobuf;
using Grpc.Core;
using DeskBase = CarteValoise.Contracts.Demarches.DemarcheDesk.DemarcheDeskBase;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The agents' side over gRPC: their commune's queue, filtered, searched and exported, its requests
/// opened (each opening written to the citizen's access log), assigned, moved through their
/// workflow, answered, documents generated, paper requests entered at the counter, and the figures.
/// An agent of another commune gets nothing: a request of another commune reads as one that does not exist.
/// </summary>
public sealed partial class DemarcheDeskService(
    IGrainFactory grains,
    CallerResolver callers,
    HouseholdDirectory directory,
    DemarcheDefinitions definitions,
    CitizenForms forms,
    RequestDetails details,
    RequestFiling filing,
    DemarcheMails mails,
    AgentAttachments attachments,
    Services.AccessLog accessLog,
    TimeProvider time,
    ILogger<DemarcheDeskService> logger) : DeskBase
{
    public const int DefaultPageSize = 50;
    public const int LargestPageSize = 200;

    public override async Task<RequestQueue> ListRequests(ListRequestsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireCommune(caller, request.CommuneInseeCode);
        var size = request.PageSize <= 0 ? DefaultPageSize : Math.Min(request.PageSize, LargestPageSize);
        var pageNumber = Math.Max(1, request.Page);
        var now = time.GetUtcNow();
        var page = await grains.GetGrain<IRequestQueueGrain>(commune).Query(Filter(caller, request, (pageNumber - 1) * size, size), now);
        var communeName = await details.CommuneName(commune);
        var queue = new RequestQueue
        {
            Total = page.Total,
            Page = pageNumber,
            PageCount = Math.Max(1, (page.Total + size - 1) / size),
            CommuneName = communeName,
        };
        queue.Lines.AddRange(page.Lines.Select(l => DemarcheWire.Line(l, commune, communeName, now)));
        var catalogue = await definitions.Catalogue(commune);
        queue.Demarches.AddRange(catalogue.Select(e => new QueueChoice { Value = e.DemarcheId, Label = e.Title }));
        var states = new List<WorkflowState>();
        foreach (var entry in catalogue)
            if (await definitions.Get(commune, entry.DemarcheId, entry.CurrentVersion) is { } definition) states.AddRange(definition.Workflow.States);
        queue.States.AddRange(states.DistinctBy(s => s.Id).Select(s => new QueueChoice { Value = s.Id, Label = s.Label }));
        queue.Agents.AddRange(page.Agents.Select(a => new QueueChoice { Value = a.AccountId, Label = a.Name }));
        return queue;
    }

    /// <summary>Every line the filter matches, read from the queue in its largest pages (each one a walk of the queue).</summary>
    public override async Task<RequestFile> ExportRequests(ListRequestsRequest request, ServerCallContext context)
    {
        const int batch = RequestQueueGrain.MaxTake;
        var caller = callers.Require(context);
        var commune = RequireCommune(caller, request.CommuneInseeCode);
        var now = time.GetUtcNow();
        var queue = grains.GetGrain<IRequestQueueGrain>(commune);
        var lines = new List<RequestSummary>();
        while (true)
        {
            var page = await queue.Query(Filter(caller, request, lines.Count, batch), now);
            lines.AddRange(page.Lines);
            if (page.Lines.Count == 0 || lines.Count >= page.Total) break;
        }
        logger.LogInformation("Export de {Count} demandes de la commune {Commune} par {AccountId}", lines.Count, commune, caller.AccountId);
        return new RequestFile
        {
            FileName = $"demandes-{commune}-{DemarcheWire.Day(now)}.csv",
            ContentType = "text/csv; charset=utf-8",
            Content = ByteString.CopyFrom(QueueCsv.Write(lines, now)),
        };
    }

    /// <summary>An agent opens a request: written to the citizen's access log, at each opening.</summary>
    public override async Task<RequestDetail> GetRequest(GetRequestRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        if (view.Submission.CitizenAccountId.Length > 0)
            await accessLog.RecordAccountRead(caller, view.Submission.CitizenAccountId,
                $"demande « {view.Submission.Title} » (réponses, pièces jointes et échanges)", $"demande {view.Reference}");
        return await details.For(view, Actor.Agent);
    }

    public override async Task<RequestDetail> AssignRequest(AssignRequestRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        var name = SignedBy.Of(caller);
        view = await DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(view.Reference).Assign(
            OperationIds.Of(request.OperationId), request.Unassign ? "" : caller.AccountId, request.Unassign ? "" : name, name));
        return await details.For(view, Actor.Agent);
    }

    public override async Task<RequestDetail> MoveRequest(MoveRequestRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        var operationId = OperationIds.Of(request.OperationId);
        var definition = await definitions.Of(view.Submission);
        var moveId = request.MoveId.Trim();
        var reason = request.Reason.Trim();
        if (definition.Workflow.Move(moveId) is { RequiresReason: true } && reason.Length == 0 && !view.Timeline.Any(e => e.OperationId == operationId))
            throw DemarcheWireErrors.Invalid("motif", "Indiquez le motif : le demandeur le lira.");
        if (reason.Length > DemarchesService.LongestMessage)
            throw DemarcheWireErrors.Invalid("motif", $"Le motif dépasse {Domain.Canteen.FrenchText.Number(DemarchesService.LongestMessage)} caractères : raccourcissez-le.");
        view = await DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(view.Reference).Move(
            new RequestMoveCommand(operationId, moveId, Actor.Agent, caller.AccountId, SignedBy.Of(caller), reason, [])));
        logger.LogInformation("Demande {Reference} : {Move} par {AccountId}", view.Reference, moveId, caller.AccountId);
        // A move that names a template produces its document (the acceptance, the copie d'acte) with it.
        if (definition.Workflow.Move(moveId)?.Template is { } templateId && definition.Templates.FirstOrDefault(t => t.Id == templateId) is { } template)
            view = await grains.GetGrain<IDemarcheRequestGrain>(view.Reference).AddGenerated(Generated(view, template, $"{operationId}:document", caller));
        await mails.NotifyAsync(view, context.CancellationToken);
        return await details.For(view, Actor.Agent);
    }

    /// <summary>
    /// A message to the citizen or an internal note, with a file if the agent joins one (a file on a
    /// note stays internal as the note does). The file is checked as the document safe checks an
    /// upload, stored, then recorded with the message; a message refused leaves no file behind.
    /// </summary>
    public override async Task<RequestDetail> PostAgentMessage(PostAgentMessageRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        var message = request.Message.Trim();
        var joined = request.Attachment.Length > 0 || request.AttachmentName.Trim().Length > 0;
        if (message.Length == 0 && !joined)
            throw DemarcheWireErrors.Invalid("message", request.Internal ? "Écrivez la note avant de l'enregistrer." : "Écrivez votre message avant de l'envoyer.");
        if (message.Length > DemarchesService.LongestMessage)
            throw DemarcheWireErrors.Invalid("message", RequestTexts.MessageTooLong);
        var content = request.Attachment.ToByteArray();
        var document = joined ? attachments.Check(view.Reference, view.Submission.CommuneCode, caller.AccountId, request.AttachmentName, content) : null;
        var post = new RequestMessageCommand(OperationIds.Of(request.OperationId), Actor.Agent, caller.AccountId, SignedBy.Of(caller), message, request.Internal,
            document is null ? [] : [document]);
        view = document is null ? await PostAsync(view.Reference, post) : await PostWithFileAsync(view.Reference, post, document, content, context.CancellationToken);
        await mails.NotifyAsync(view, context.CancellationToken);
        return await details.For(view, Actor.Agent);
    }

    private Task<RequestView> PostAsync(string reference, RequestMessageCommand post) =>
        DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(reference).Post(post));

    /// <summary>
    /// Stores the file, then posts: a refused message deletes it, and so does an operation already
    /// done (its message records the file of the first try, not this one).
    /// </summary>
    private async Task<RequestView> PostWithFileAsync(string reference, RequestMessageCommand post, SubmittedDocument document, byte[] content, CancellationToken cancellationToken)
    {
        await attachments.StoreAsync(document, content, cancellationToken);
        RequestView view;
        try
        {
            view = await PostAsync(reference, post);
        }
        catch (RpcException)
        {
            await attachments.ForgetAsync(document);
            throw;
        }
        if (!view.Timeline.Any(entry => entry.Documents.Any(d => d.DocumentId == document.DocumentId)))
            await attachments.ForgetAsync(document);
        else
            logger.LogInformation("Fichier {DocumentId} ({Bytes} octets) joint par {AccountId} à la demande {Reference}", document.DocumentId, document.SizeBytes, post.ActorAccountId, reference);
        return view;
    }

    /// <summary>
    /// Records a document made from one of the request's version's templates. Only its record is kept
    /// (template, title, time, agent): the PDF is rendered again at each download from the pinned
    /// template and the request's answers, which never change, so no bytes are stored.
    /// </summary>
    public override async Task<RequestDetail> GenerateDocument(GenerateDocumentRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var view = await RequireAgentsRequest(caller, request.Reference);
        var operationId = OperationIds.Of(request.OperationId);
        var definition = await definitions.Of(view.Submission);
        var template = definition.Templates.FirstOrDefault(t => t.Id == request.TemplateId.Trim())
            ?? throw DemarcheWireErrors.Invalid("template", "Choisissez un des modèles de document de cette démarche.");
        view = await DemarcheWireErrors.Translated(() => grains.GetGrain<IDemarcheRequestGrain>(view.Reference).AddGenerated(Generated(view, template, operationId, caller)));
        await mails.NotifyAsync(view, context.CancellationToken);
        return await details.For(view, Actor.Agent);
    }

    public override async Task<DemarcheStatisticsReport> GetStatistics(GetStatisticsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireCommune(caller, request.CommuneInseeCode);
        var (from, to) = Days(request.From, request.To);
        var figures = await grains.GetGrain<IRequestQueueGrain>(commune).Figures(from, to);
        var report = new DemarcheStatisticsReport { CommuneName = await details.CommuneName(commune) };
        report.Months.AddRange(figures.Months.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        report.Demarches.AddRange(figures.Demarches.Select(d =>
        {
            var line = new DemarcheStatistics
            {
                DemarcheId = d.DemarcheId,
                Title = d.Title,
                Received = d.Received,
                InProgress = d.InProgress,
                Decided = d.Decided,
                MedianDays = d.MedianDays,
                P90Days = d.P90Days,
                Online = d.Online,
                Kiosk = d.Kiosk,
                Counter = d.Counter,
            };
            line.ReceivedPerMonth.AddRange(d.ReceivedPerMonth);
            return line;
        }));
        return report;
    }

    /// <summary>A generated document's record; its file id is derived from the operation, so a retry names the same file.</summary>
    private GeneratedFileRecord Generated(RequestView view, DocumentTemplate template, string operationId, Caller caller) =>
        new($"doc-{OperationIds.Short(operationId)}", template.Id, template.Title, RequestFiles.GeneratedFileName(view.Reference, template.Id),
            time.GetUtcNow(), SignedBy.Of(caller), operationId);

    private static QueueFilter Filter(Caller caller, ListRequestsRequest request, int skip, int take)
    {
        var (from, to) = Days(request.From, request.To);
        var assigned = request.Assigned.Trim() switch
        {
            "" => null,
            "moi" => caller.AccountId,
            "personne" => "",
            var agent => agent,
        };
        var stateId = Blank(request.StateId);
        return new QueueFilter(Blank(request.DemarcheId), stateId, from, to, assigned, request.OverdueOnly, Blank(request.Search),
            request.InProgressOnly && stateId is null, skip, take);
    }

    private static (DateOnly? From, DateOnly? To) Days(string from, string to)
    {
        var problems = new List<DemarcheProblem>();
        DateOnly? first = Day(from, "from", problems);
        DateOnly? last = Day(to, "to", problems);
        if (first > last) problems.Add(new("to", "La date de fin précède la date de début : corrigez l'une des deux."));
        if (problems.Count > 0) throw DemarcheWireErrors.Invalid(problems);
        return (first, last);
    }

    private static DateOnly? Day(string text, string field, List<DemarcheProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (WireDates.TryParse(text.Trim(), out var day)) return day;
        problems.Add(new(field, WireDates.Problem(text)));
        return null;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private string RequireCommune(Caller caller, string communeCode)
    {
        var commune = communeCode.Trim();
        if (AccessRules.CanReadCommune(caller, commune)) return commune;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les démarches de la commune {Commune}", caller.AccountId, caller.Role, commune);
        throw DemarcheWireErrors.CommuneDenied();
    }

    /// <summary>The request, for an agent of its commune; anyone else, or an unknown reference, is refused alike.</summary>
    private async Task<RequestView> RequireAgentsRequest(Caller caller, string reference)
    {
        var view = await details.Find(reference);
        if (view is not null && AccessRules.CanReadCommune(caller, view.Submission.CommuneCode)) return view;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé la demande {Reference}", caller.AccountId, caller.Role, reference);
        throw DemarcheWireErrors.RequestDenied();
    }
}

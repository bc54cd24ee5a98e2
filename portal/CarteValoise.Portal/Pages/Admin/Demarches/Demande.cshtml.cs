using System.Security.Claims;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Portal.DocumentSafe;
using Google.Protobuf;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Pages.Admin.Demarches;

/// <summary>
/// One request as an agent processes it: its answers, documents and timeline (internal notes
/// marked), and what may be done now: take it or put it back in the queue, each move the workflow
/// allows (with its reason when it needs one), a message to the citizen or an internal note, a
/// document generated from a template, the files downloaded. The cloud writes each opening to the
/// citizen's access log, and acts once per operation id. What it refuses is said on the page:
/// a move another agent made first at the top, a missing reason next to its field.
/// </summary>
public sealed class DemandeModel(DemarcheDesk.DemarcheDeskClient desk, DemarchesService.DemarchesClient demarches, SafeUploadLimit uploadLimit) : PageModel
{
    public const string ReasonField = "motif";
    public const string MoveField = "mouvement";
    public const string MessageField = "message";
    public const string NoteField = "note";
    /// <summary>The file joined to a message; the cloud names its problems so.</summary>
    public const string AttachmentField = "piece-jointe";
    public const string NoteAttachmentField = "note-piece-jointe";
    /// <summary>The type of document a file joined by an agent has: the page links it to the request's download, not to the safe's copies.</summary>
    public const string CommuneFileType = "piece-commune";
    public const string TemplateField = "modele";
    public const string AssignField = "attribution";
    public const string Acknowledgement = "accuse-reception";

    [BindProperty(SupportsGet = true, Name = "reference")]
    public string Reference { get; set; } = "";

    public RequestDetail Detail { get; private set; } = new();

    public RequestLine Line => Detail.Line ?? new RequestLine();

    /// <summary>The request is another commune's, or none: nothing of it is shown.</summary>
    public bool Denied { get; private set; }

    /// <summary>What the last action did, said once.</summary>
    public string? Done { get; private set; }

    /// <summary>What the agent typed, given back when the cloud refused it: the reason by move, the message, the note.</summary>
    public Dictionary<string, string> Typed { get; } = [];

    /// <summary>The query flag the counter page redirects with, to say the request is filed.</summary>
    public const string FiledFlag = "enregistree";

    [BindProperty(SupportsGet = true, Name = FiledFlag)]
    public string? Filed { get; set; }

    public string AgentId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The id of the reason field of a move: each move's form has its own.</summary>
    public static string ReasonId(string moveId) => $"{ReasonField}-{moveId}";

    /// <summary>The reason a submitted document is opened for: written to the citizen's access log.</summary>
    public string DocumentReason => $"Demande {Line.Reference}";

    /// <summary>
    /// Where a document of the request opens: a citizen's frozen copy through the safe's agent
    /// download (with the reason), a file joined by an agent through the request's own download.
    /// </summary>
    public string DocumentLink(RequestDocument document) => document.TypeCode == CommuneFileType
        ? FileLink(document.DocumentId)
        : $"/Admin/Pieces/{Uri.EscapeDataString(Line.Reference)}/{Uri.EscapeDataString(document.DocumentId)}?motif={Uri.EscapeDataString(DocumentReason)}";

    /// <summary>The largest file a message may carry: the document safe's.</summary>
    public long MaxFileBytes => uploadLimit.MaxFileBytes;

    public string FileLink(string fileId) =>
        $"/Admin/Demarches/Demande/{Uri.EscapeDataString(Line.Reference)}?handler=Fichier&fichier={Uri.EscapeDataString(fileId)}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Refused();
        if (Filed == "guichet" && Line.Channel == RequestChannel.Counter) Done = $"Demande {Line.Reference} enregistrée au guichet.";
        return Page();
    }

    /// <summary>The acknowledgement or a produced document, for the agents of the request's commune.</summary>
    public async Task<IActionResult> OnGetFichierAsync([FromQuery(Name = "fichier")] string? fileId)
    {
        if (string.IsNullOrWhiteSpace(fileId)) return NotFound();
        try
        {
            var file = await demarches.DownloadRequestFileAsync(
                new DownloadRequestFileRequest { Reference = Reference, FileId = fileId.Trim() }, cancellationToken: HttpContext.RequestAborted);
            return DeskFile.Of(this, file);
        }
        catch (RpcException refusal) when (refusal.StatusCode == GrpcStatus.PermissionDenied)
        {
            return Refused();
        }
    }

    public Task<IActionResult> OnPostAssignAsync() => ActAsync(
        "La demande n'a pas été attribuée.",
        () =>
        {
            var unassign = Request.Form[AssignField] == "personne";
            return (desk.AssignRequestAsync(new AssignRequestRequest { Reference = Reference, Unassign = unassign, OperationId = DeskOperation.Of(Request) },
                cancellationToken: HttpContext.RequestAborted).ResponseAsync,
                unassign ? "La demande est remise dans la file : personne ne la traite." : "La demande vous est attribuée.");
        });

    public Task<IActionResult> OnPostMoveAsync()
    {
        var moveId = Request.Form[MoveField].ToString();
        var reason = Request.Form[ReasonField].ToString();
        Typed[ReasonId(moveId)] = reason;
        return ActAsync(
            "La demande n'a pas changé d'état.",
            () => (desk.MoveRequestAsync(new MoveRequestRequest { Reference = Reference, MoveId = moveId, Reason = reason.Trim(), OperationId = DeskOperation.Of(Request) },
                    cancellationToken: HttpContext.RequestAborted).ResponseAsync,
                null),
            field => field == ReasonField ? ReasonId(moveId) : field);
    }

    public Task<IActionResult> OnPostMessageAsync() => PostMessageAsync(internalNote: false);

    public Task<IActionResult> OnPostNoteAsync() => PostMessageAsync(internalNote: true);

    public Task<IActionResult> OnPostGenerateAsync() => ActAsync(
        "Le document n'a pas été généré.",
        () => (desk.GenerateDocumentAsync(new GenerateDocumentRequest { Reference = Reference, TemplateId = Request.Form[TemplateField].ToString(), OperationId = DeskOperation.Of(Request) },
                cancellationToken: HttpContext.RequestAborted).ResponseAsync,
            "Le document est généré : le demandeur peut le télécharger."),
        _ => "");

    private async Task<IActionResult> PostMessageAsync(bool internalNote)
    {
        var field = internalNote ? NoteField : MessageField;
        var fileField = internalNote ? NoteAttachmentField : AttachmentField;
        var text = Request.Form[field].ToString();
        Typed[field] = text;
        var fallback = internalNote ? "La note n'a pas été ajoutée." : "Le message n'a pas été envoyé.";
        var file = Request.Form.Files.GetFile(fileField);
        // Larger than the safe takes, it is not even sent to the cloud: its words, said here.
        if (file is { Length: > 0 } && file.Length > uploadLimit.MaxFileBytes)
        {
            ModelState.AddModelError(fileField, uploadLimit.TooLarge);
            return await LoadAsync() ? Page() : Refused();
        }
        var message = new PostAgentMessageRequest { Reference = Reference, Message = text.Trim(), Internal = internalNote, OperationId = DeskOperation.Of(Request) };
        if (file is { Length: > 0 })
        {
            await using var read = file.OpenReadStream();
            message.Attachment = await ByteString.FromStreamAsync(read, HttpContext.RequestAborted);
            message.AttachmentName = file.FileName;
        }
        var done = internalNote ? "La note interne est ajoutée : le demandeur ne la voit pas." : "Le message est envoyé au demandeur.";
        return await ActAsync(
            fallback,
            () => (desk.PostAgentMessageAsync(message, cancellationToken: HttpContext.RequestAborted).ResponseAsync, done),
            named => named switch
            {
                MessageField => field,
                AttachmentField => fileField,
                _ => named,
            });
    }

    /// <summary>Does one thing to the request; what the cloud refuses is said on the page, with the request as it now stands.</summary>
    private async Task<IActionResult> ActAsync(string fallback, Func<(Task<RequestDetail> Call, string? Done)> act, Func<string, string>? idOnPage = null)
    {
        try
        {
            var (call, done) = act();
            Detail = await call;
            Done = done ?? $"La demande {Line.Reference} est maintenant « {Line.StateLabel} ».";
            Typed.Clear();
            return Page();
        }
        catch (RpcException refusal) when (refusal.StatusCode == GrpcStatus.PermissionDenied)
        {
            return Refused();
        }
        catch (RpcException refusal) when (DeskProblems.IsSaidOnThePage(refusal))
        {
            DeskProblems.AddTo(ModelState, refusal, fallback, idOnPage);
        }
        return await LoadAsync() ? Page() : Refused();
    }

    /// <summary>False when the cloud refuses the request to this agent.</summary>
    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await desk.GetRequestAsync(new GetRequestRequest { Reference = Reference }, cancellationToken: HttpContext.RequestAborted);
            return true;
        }
        catch (RpcException refusal) when (refusal.StatusCode == GrpcStatus.PermissionDenied)
        {
            return false;
        }
    }

    /// <summary>«Accès refusé à cette demande.», with its status: nothing of the request is shown.</summary>
    private PageResult Refused()
    {
        Denied = true;
        Detail = new RequestDetail();
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}

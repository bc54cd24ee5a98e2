using CarteValoise.Contracts.Demarches;
using CarteValoise.Contracts.Documents;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;
using DocumentsService = CarteValoise.Contracts.Documents.Documents;

namespace CarteValoise.Portal.Pages.Demarches;

/// <summary>
/// /Demarches/Suivi/{reference}: the citizen's own request — where it stands and until when, the
/// answers and documents sent, the timeline with the commune (never its internal notes), the
/// acknowledgement and the documents produced to download, and what the citizen may do now: answer a
/// request for a complement with a message and documents of the safe, withdraw (after a confirmation),
/// write to the commune. Each of those writes carries an operation id drawn when the page is shown, so
/// a double click acts once. Someone else's request is «Accès refusé à cette demande.».
/// </summary>
public sealed class SuiviModel(DemarchesService.DemarchesClient demarches, DocumentsService.DocumentsClient documents) : PageModel
{
    public const string Acknowledgement = "accuse-reception";
    public const string MessageField = "message";
    public const string DocumentsField = "documents";
    public const string OperationField = "operation";
    public const string MoveField = "deplacement";

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    /// <summary>Just filed: the confirmation, once, at the top.</summary>
    [BindProperty(SupportsGet = true, Name = "envoyee")]
    public string? Filed { get; set; }

    public bool JustFiled => Filed == "1";

    /// <summary>What was just done here: «etat» (a move) or «message».</summary>
    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    /// <summary>A move that ends the request, asked for and awaiting its confirmation.</summary>
    [BindProperty(SupportsGet = true, Name = "confirmer")]
    public string? Confirming { get; set; }

    public RequestDetail Detail { get; private set; } = new();

    /// <summary>The request is not the citizen's (or does not exist): the page says only that.</summary>
    public bool Refused { get; private set; }

    public IReadOnlyList<SafeDocument> Safe { get; private set; } = [];

    public string OperationId { get; private set; } = Guid.NewGuid().ToString("N");

    /// <summary>The form a refusal is about, drawn again with what was typed.</summary>
    public string? PostedMove { get; private set; }

    public IEnumerable<TimelineEntry> NewestFirst => Detail.Timeline.Where(entry => !entry.Internal).OrderByDescending(entry => entry.At?.ToDateTimeOffset());

    /// <summary>A move that ends the request is confirmed first, on a step of its own.</summary>
    public static bool Ends(AvailableMove move) => move.ToKind is StateKind.Closed or StateKind.Refused;

    public AvailableMove? ToConfirm => Detail.Moves.FirstOrDefault(move => move.MoveId == Confirming && Ends(move));

    public string FileLink(string fileId) => $"/Demarches/Suivi/{Uri.EscapeDataString(Reference)}?handler=Fichier&fichier={Uri.EscapeDataString(fileId)}";

    /// <summary>The names of a move's form fields: prefixed by the move, so that a refusal finds the right form.</summary>
    public static string Prefix(string? moveId) => string.IsNullOrEmpty(moveId) ? "" : $"{moveId}-";

    public string Typed(string name) => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[name].ToString() : "";

    public bool Joined(string name, string documentId) => HttpContext.Request.HasFormContentType && HttpContext.Request.Form[name].Contains(documentId);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : RefusedPage();

    public async Task<IActionResult> OnGetFichierAsync(string fichier)
    {
        var file = await demarches.DownloadRequestFileAsync(
            new DownloadRequestFileRequest { Reference = Reference, FileId = fichier ?? "" }, cancellationToken: HttpContext.RequestAborted);
        // A request's files name a family and what it asked: no shared cache may keep them.
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content.ToByteArray(), file.ContentType.Length > 0 ? file.ContentType : "application/octet-stream", file.FileName);
    }

    public async Task<IActionResult> OnPostMoveAsync()
    {
        var moveId = Typed(MoveField);
        var prefix = Prefix(moveId);
        var request = new MoveMyRequestRequest { Reference = Reference, MoveId = moveId, Message = Typed(prefix + MessageField).Trim(), OperationId = Operation() };
        request.DocumentIds.AddRange(HttpContext.Request.Form[prefix + DocumentsField].OfType<string>());
        return await ActAsync(() => demarches.MoveMyRequestAsync(request, cancellationToken: HttpContext.RequestAborted).ResponseAsync, moveId, prefix, "etat");
    }

    public async Task<IActionResult> OnPostMessageAsync()
    {
        var request = new PostMyMessageRequest { Reference = Reference, Message = Typed(MessageField).Trim(), OperationId = Operation() };
        request.DocumentIds.AddRange(HttpContext.Request.Form[DocumentsField].OfType<string>());
        return await ActAsync(() => demarches.PostMyMessageAsync(request, cancellationToken: HttpContext.RequestAborted).ResponseAsync, "", "", "message");
    }

    private string Operation() => Typed(OperationField) is { Length: > 0 } given ? given : OperationId;

    private async Task<IActionResult> ActAsync(Func<Task<RequestDetail>> act, string moveId, string prefix, string done)
    {
        try
        {
            await act();
            return Redirect($"/Demarches/Suivi/{Uri.EscapeDataString(Reference)}?fait={done}#fait");
        }
        catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
        {
            // Nothing was done: the form comes back with what was typed, and a new operation id.
            DossierProblems.AddTo(ModelState, refusal, "Rien n'a été envoyé.", prefix);
            PostedMove = moveId;
            Confirming = moveId;
        }
        return await LoadAsync() ? Page() : RefusedPage();
    }

    private IActionResult RefusedPage()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>False when the cloud refuses the request to this citizen.</summary>
    private async Task<bool> LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        try
        {
            var safe = documents.ListDocumentsAsync(new ListDocumentsRequest(), cancellationToken: cancel);
            Detail = await demarches.GetMyRequestAsync(new GetMyRequestRequest { Reference = Reference }, cancellationToken: cancel);
            Safe = [.. (await safe).Documents.Where(document => document.Status != DocumentStatus.Expired)];
            return true;
        }
        catch (RpcException refusal) when (refusal.StatusCode == Grpc.Core.StatusCode.PermissionDenied)
        {
            Refused = true;
            return false;
        }
    }
}

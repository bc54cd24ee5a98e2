using CarteValoise.Contracts.Documents;
using CarteValoise.Portal.DocumentSafe;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Pieces;

/// <summary>
/// /Admin/Pieces/{requestRef}/{documentId}?motif=…: the copy of a citizen's document submitted with a
/// request, for the agents of the commune processing it (the request page links here). The cloud
/// decides, and writes the read to the citizen's access log with the request and the motive: a copy
/// not submitted to one of the agent's communes is «Page introuvable».
/// </summary>
public sealed class IndexModel(SafeTransfers transfers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string RequestRef { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string DocumentId { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "motif")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var download = await transfers.DownloadSubmittedAsync(
            new DownloadSubmittedDocumentRequest { RequestRef = RequestRef, DocumentId = DocumentId, Reason = Reason?.Trim() ?? "" },
            HttpContext.RequestAborted);
        return SafeFile.Of(this, download);
    }
}

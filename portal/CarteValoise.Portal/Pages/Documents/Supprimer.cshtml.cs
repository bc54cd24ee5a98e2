using CarteValoise.Contracts.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Documents;

/// <summary>
/// /Documents/Supprimer/{id}: asks before deleting (a page of its own, so that it needs no script),
/// then deletes and goes back to the list. A document not in the citizen's safe is «Page introuvable».
/// </summary>
public sealed class SupprimerModel(Contracts.Documents.Documents.DocumentsClient documents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string DocumentId { get; set; } = "";

    public SafeDocument Document { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var list = await documents.ListDocumentsAsync(new ListDocumentsRequest(), cancellationToken: HttpContext.RequestAborted);
        if (list.Documents.FirstOrDefault(d => d.DocumentId == DocumentId) is not { } document) return NotFound();
        Document = document;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await documents.DeleteDocumentAsync(new DeleteDocumentRequest { DocumentId = DocumentId }, cancellationToken: HttpContext.RequestAborted);
        return RedirectToPage("/Documents/Index", new { supprime = true });
    }
}

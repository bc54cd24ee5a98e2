using CarteValoise.Contracts.Documents;
using CarteValoise.Portal.DocumentSafe;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Documents;

/// <summary>
/// /Documents/Telecharger/{id}: one of the citizen's own documents, as a file to save, under its
/// name. The cloud serves only the owner: anyone else's document is «Page introuvable».
/// </summary>
public sealed class TelechargerModel(SafeTransfers transfers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string DocumentId { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var download = await transfers.DownloadAsync(new DownloadDocumentRequest { DocumentId = DocumentId }, HttpContext.RequestAborted);
        return SafeFile.Of(this, download);
    }
}

using CarteValoise.Contracts.Demarches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Pages.Demarches;

/// <summary>
/// /Demarches/Brouillon?brouillon=…: asks before deleting a draft (a page of its own, so that it needs
/// no script), then deletes it and goes back to «Mes démarches». Another's draft is «Page introuvable».
/// </summary>
public sealed class BrouillonModel(DemarchesService.DemarchesClient demarches) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "brouillon")]
    public string? DraftId { get; set; }

    public DraftLine Draft { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var mine = await demarches.ListMyDemarchesAsync(new ListMyDemarchesRequest(), cancellationToken: HttpContext.RequestAborted);
        if (mine.Drafts.FirstOrDefault(d => d.DraftId == DraftId) is not { } draft) return NotFound();
        Draft = draft;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await demarches.DeleteDraftAsync(new DeleteDraftRequest { DraftId = DraftId ?? "" }, cancellationToken: HttpContext.RequestAborted);
        return RedirectToPage("/Demarches/Index", new { supprime = true });
    }
}

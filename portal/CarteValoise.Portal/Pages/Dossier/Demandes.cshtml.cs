using CarteValoise.Contracts.Households;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.Portal.Pages.Dossier;

/// <summary>The citizen's change requests, newest first: where each stands, every state it went through and when, the documents sent, the reason of a refusal.</summary>
public sealed class DemandesModel(HouseholdsService.HouseholdsClient households) : PageModel
{
    /// <summary>The request just sent, confirmed once at the top of the page.</summary>
    [BindProperty(SupportsGet = true, Name = "deposee")]
    public string? JustSubmitted { get; set; }

    public IReadOnlyList<DossierChange> Changes { get; private set; } = [];

    public DossierChange? Submitted => Changes.FirstOrDefault(c => c.Reference == JustSubmitted);

    public async Task OnGetAsync() =>
        Changes = [.. (await households.ListMyDossierChangesAsync(new ListMyDossierChangesRequest(), cancellationToken: HttpContext.RequestAborted)).Changes];
}

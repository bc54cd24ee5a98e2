using CarteValoise.Contracts.Demarches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Portal.Pages.Demarches;

/// <summary>
/// /Demarches: what a commune offers (the citizen's own commune first, any other of the département on
/// request), by category, each with its delay and the pièces à fournir; and «Mes démarches»: the drafts
/// to continue or delete, the requests filed, those awaiting the citizen marked.
/// </summary>
public sealed class IndexModel(DemarchesService.DemarchesClient demarches) : PageModel
{
    public const string CommuneField = "commune";

    [BindProperty(SupportsGet = true, Name = CommuneField)]
    public string? Commune { get; set; }

    /// <summary>A draft just saved on «Enregistrer et quitter», or just deleted, said once at the top.</summary>
    [BindProperty(SupportsGet = true, Name = "enregistre")]
    public string? SavedDraft { get; set; }

    [BindProperty(SupportsGet = true, Name = "supprime")]
    public bool DraftDeleted { get; set; }

    public Catalogue Catalogue { get; private set; } = new();

    public MyDemarches Mine { get; private set; } = new();

    public DraftLine? Saved => Mine.Drafts.FirstOrDefault(d => d.DraftId == SavedDraft);

    /// <summary>The entries by category, in the order the catalogue gives them.</summary>
    public IEnumerable<IGrouping<string, CatalogueEntry>> Categories => Catalogue.Entries.GroupBy(entry => entry.Category);

    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var mine = demarches.ListMyDemarchesAsync(new ListMyDemarchesRequest(), cancellationToken: cancel);
        Catalogue = await demarches.ListCatalogueAsync(new ListCatalogueRequest { CommuneInseeCode = Commune?.Trim() ?? "" }, cancellationToken: cancel);
        Mine = await mine;
    }
}

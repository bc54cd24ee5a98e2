using CarteValoise.Contracts.Demarches;
using CarteValoise.Kiosk.Demarches;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using DemarchesService = CarteValoise.Contracts.Demarches.Demarches;

namespace CarteValoise.Kiosk.Pages.Demarches;

/// <summary>«Faire une démarche»: the démarches of the family's commune that can be filed here, by category.</summary>
public sealed class IndexModel(DemarchesService.DemarchesClient demarches, IOptions<KioskOptions> kiosk) : PageModel
{
    public string CommuneName { get; private set; } = "";

    public IReadOnlyList<CatalogueEntry> Offered { get; private set; } = [];

    public async Task OnGetAsync()
    {
        KioskPage.LeftAloneAsks(Response, kiosk.Value);
        var cancel = HttpContext.RequestAborted;
        var catalogue = await demarches.ListCatalogueAsync(new ListCatalogueRequest(), cancellationToken: cancel);
        CommuneName = catalogue.CommuneName;
        // Whether a démarche can be filed here is in its form (required fields), which the catalogue does not carry.
        var forms = await Task.WhenAll(catalogue.Entries.Select(entry => demarches.GetFormAsync(
            new GetFormRequest { CommuneInseeCode = catalogue.CommuneInseeCode, DemarcheId = entry.DemarcheId }, cancellationToken: cancel).ResponseAsync));
        Offered = [.. catalogue.Entries.Where((_, i) => KioskForms.CanBeFiled(forms[i].Definition))];
    }
}

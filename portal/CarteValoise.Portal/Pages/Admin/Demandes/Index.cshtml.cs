using CarteValoise.Contracts.Households;
using CarteValoise.Portal.Household;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.Portal.Pages.Admin.Demandes;

/// <summary>
/// The agents' queue of dossier change requests of one of their communes, newest first, filtered by
/// state. The commune asked for goes to the cloud as it is: the cloud decides whether the agent may
/// see it (a refusal is the «Accès refusé» page).
/// </summary>
public sealed class IndexModel(HouseholdsService.HouseholdsClient households) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "etat")]
    public string? StateFilter { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public IReadOnlyList<DossierChange> Changes { get; private set; } = [];

    public string CommuneName => MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null) return;
        var state = DossierWording.StateFilters.FirstOrDefault(f => f.Slug == StateFilter);
        if (state.Slug is null) StateFilter = null;
        Changes = [.. (await households.ListDossierChangesAsync(new ListDossierChangesRequest
        {
            CommuneInseeCode = Commune,
            State = state.Slug is null ? DossierChangeState.Unspecified : state.State,
        }, cancellationToken: HttpContext.RequestAborted)).Changes];
    }
}

using CarteValoise.Contracts.Demarches;
using CarteValoise.Portal.Demarches;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Admin.Demarches;

/// <summary>
/// The démarches queue of one of the agent's communes: filtered (démarche, state, filing dates,
/// assigned agent, overdue, in progress), searched by reference or name, 50 lines a page, and the
/// same lines as a CSV file. The commune asked for goes to the cloud as it is: the cloud decides
/// whether the agent may see it (a refusal is the «Accès refusé» page).
/// </summary>
public sealed class IndexModel(DemarcheDesk.DemarcheDeskClient desk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DeskQueueFilter Filter { get; private set; } = new();

    public RequestQueue? Queue { get; private set; }

    public string CommuneLabel => Queue?.CommuneName is { Length: > 0 } name
        ? name
        : MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        if (Start()) await LoadAsync();
    }

    /// <summary>The queue as filtered, every page, as a CSV file.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!Start()) return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var request = Filter.ToRequest();
        request.Page = 0;
        var file = await desk.ExportRequestsAsync(request, cancellationToken: HttpContext.RequestAborted);
        return DeskFile.Of(this, file);
    }

    private async Task LoadAsync()
    {
        if (!ModelState.IsValid)
        {
            // The filters' choices still come from the cloud; the lines do not.
            Queue = await desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Commune, PageSize = 1 }, cancellationToken: HttpContext.RequestAborted);
            Queue.Lines.Clear();
            Queue.Total = 0;
            return;
        }
        Queue = await desk.ListRequestsAsync(Filter.ToRequest(), cancellationToken: HttpContext.RequestAborted);
    }

    /// <summary>False when the agent has no commune at all.</summary>
    private bool Start()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (Commune is null) return false;
        Filter = DeskQueueFilter.Read(Commune, Request.Query, ModelState);
        return true;
    }
}

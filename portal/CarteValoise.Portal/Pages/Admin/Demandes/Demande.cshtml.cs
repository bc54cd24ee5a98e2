using CarteValoise.Contracts.Households;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.Portal.Pages.Admin.Demandes;

/// <summary>
/// One dossier change request as an agent processes it: the household's values now beside the
/// proposed ones, the documents submitted (each opening logged), and the decision: accept (the change
/// applies) or refuse with a reason. Opening the request is written to the citizen's access log by
/// the cloud; a request decided meanwhile by someone else is said so, and nothing changes.
/// </summary>
public sealed class DemandeModel(HouseholdsService.HouseholdsClient households) : PageModel
{
    public const string ReasonField = "motif-refus";

    [BindProperty(SupportsGet = true, Name = "reference")]
    public string Reference { get; set; } = "";

    public DossierChangeDetail Detail { get; private set; } = new();

    public DossierChange Change => Detail.Change ?? new DossierChange();

    public string OperationId { get; private set; } = Guid.NewGuid().ToString("N");

    public string? Done { get; private set; }

    public string? ReasonTyped { get; private set; }

    /// <summary>The reason a submitted document is opened for: written to the citizen's access log.</summary>
    public string DocumentReason => $"Demande {Change.Reference}";

    public async Task OnGetAsync() => await LoadAsync();

    public Task OnPostAcceptAsync() => DecideAsync(accept: true);

    public Task OnPostRefuseAsync() => DecideAsync(accept: false);

    private async Task DecideAsync(bool accept)
    {
        OperationId = Request.Form["operation"].ToString() is { Length: > 0 } given ? given : OperationId;
        ReasonTyped = accept ? null : Request.Form[ReasonField].ToString();
        try
        {
            Detail = await households.DecideDossierChangeAsync(new DecideDossierChangeRequest
            {
                Reference = Reference,
                Accept = accept,
                RefusalReason = ReasonTyped ?? "",
                OperationId = OperationId,
            }, cancellationToken: HttpContext.RequestAborted);
            Done = accept
                ? $"La demande {Change.Reference} est acceptée : le dossier est à jour et le demandeur en est informé par courriel."
                : $"La demande {Change.Reference} est refusée : le demandeur en est informé par courriel, avec le motif.";
            ReasonTyped = null;
            return;
        }
        catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
        {
            DossierProblems.AddTo(ModelState, refusal, "La décision n'a pas été enregistrée.");
        }
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        Detail = await households.GetDossierChangeAsync(new GetDossierChangeRequest { Reference = Reference }, cancellationToken: HttpContext.RequestAborted);
}

using CarteValoise.Contracts.Households;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.Portal.Pages.Dossier;

/// <summary>
/// The citizen's household dossier, told once: their address, the adults and the children, as the
/// platform will prefill every request with them. A citizen without a dossier creates it here
/// (themselves and their commune); the address and the children then come as requests to the commune.
/// </summary>
public sealed class IndexModel(HouseholdsService.HouseholdsClient households) : PageModel
{
    public const string CommuneField = "commune";

    public MyHousehold Household { get; private set; } = new();

    [BindProperty(SupportsGet = true, Name = "enregistre")]
    public string? Saved { get; set; }

    /// <summary>The creation form as typed, shown again when the cloud refuses it.</summary>
    public AdultInput Me { get; private set; } = AdultInput.Empty;

    public string? ChosenCommune { get; private set; }

    public string? Done => Saved switch
    {
        "cree" => "Votre dossier famille est créé. Indiquez maintenant votre adresse et vos enfants : la mairie les vérifie avec un justificatif.",
        "adulte" => "Vos modifications sont enregistrées : elles s'appliquent tout de suite.",
        _ => null,
    };

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        Me = AdultInput.From(Request.Form);
        ChosenCommune = Request.Form[CommuneField].ToString();
        try
        {
            await households.CreateHouseholdAsync(new CreateHouseholdRequest
            {
                OperationId = Request.Form["operation"].ToString(),
                CommuneInseeCode = ChosenCommune,
                Me = Me.ToWire(),
            }, cancellationToken: HttpContext.RequestAborted);
            return RedirectToPage("/Dossier/Index", new { enregistre = "cree" });
        }
        catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
        {
            DossierProblems.AddTo(ModelState, refusal, "Le dossier n'a pas été créé.");
        }
        await LoadAsync();
        return Page();
    }

    public string OperationId { get; } = Guid.NewGuid().ToString("N");

    private async Task LoadAsync() =>
        Household = await households.GetMyHouseholdAsync(new GetMyHouseholdRequest(), cancellationToken: HttpContext.RequestAborted);
}

using CarteValoise.Contracts.Households;
using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.Portal.Pages.Dossier;

/// <summary>
/// An adult of the household, changed by the citizen and applied at once (phone, email, employer,
/// CAF number…), or a new adult. What the cloud refuses is shown next to its field, as typed; nothing changes.
/// </summary>
public sealed class AdulteModel(HouseholdsService.HouseholdsClient households) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public string? AdultId { get; set; }

    public AdultInput Values { get; private set; } = AdultInput.Empty;

    /// <summary>The adult as saved, for the heading; null for a new adult.</summary>
    public HouseholdAdult? Adult { get; private set; }

    public string OperationId { get; private set; } = Guid.NewGuid().ToString("N");

    public async Task<IActionResult> OnGetAsync()
    {
        var household = await households.GetMyHouseholdAsync(new GetMyHouseholdRequest(), cancellationToken: HttpContext.RequestAborted);
        if (!household.Exists) return RedirectToPage("/Dossier/Index");
        if (!string.IsNullOrEmpty(AdultId))
        {
            Adult = household.Adults.FirstOrDefault(a => a.AdultId == AdultId);
            if (Adult is null) return NotFound();
            Values = AdultInput.Of(Adult);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Values = AdultInput.From(Request.Form);
        OperationId = Request.Form["operation"].ToString() is { Length: > 0 } given ? given : OperationId;
        try
        {
            await households.SaveHouseholdAdultAsync(new SaveHouseholdAdultRequest
            {
                OperationId = OperationId,
                AdultId = AdultId ?? "",
                Adult = Values.ToWire(),
            }, cancellationToken: HttpContext.RequestAborted);
            return RedirectToPage("/Dossier/Index", new { enregistre = "adulte" });
        }
        catch (RpcException refusal) when (DossierProblems.IsSaidOnThePage(refusal))
        {
            DossierProblems.AddTo(ModelState, refusal, "Les informations n'ont pas été enregistrées.");
        }
        if (!string.IsNullOrEmpty(AdultId))
        {
            var household = await households.GetMyHouseholdAsync(new GetMyHouseholdRequest(), cancellationToken: HttpContext.RequestAborted);
            Adult = household.Adults.FirstOrDefault(a => a.AdultId == AdultId);
        }
        return Page();
    }
}

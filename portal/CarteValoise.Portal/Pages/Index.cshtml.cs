using CarteValoise.Contracts.Families;
using CarteValoise.Web.FamilySummaries;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages;

/// <summary>«Ma famille»: the signed-in parent's household, its children's meals and card taps of one day.</summary>
public sealed class IndexModel(Families.FamiliesClient families, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    public FamilyDay Family { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(SessionRoles.Agent))
        {
            return RedirectToPage("/Admin/Index");
        }

        var request = new GetMyFamilyRequest();
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (FrenchFormat.TryParseTypedDay(Date, out var day))
            {
                request.Date = FrenchFormat.WireDay(day);
            }
            else
            {
                ModelState.AddModelError("date", "La date demandée n'est pas valide : choisissez un jour, par exemple 04/12/2026. Voici la journée d'aujourd'hui.");
            }
        }
        Family = FamilyDay.From(await families.GetMyFamilyAsync(request, cancellationToken: HttpContext.RequestAborted), time);
        return Page();
    }
}

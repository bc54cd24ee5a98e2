using CarteValoise.Contracts.Families;
using CarteValoise.Web.FamilySummaries;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using GrpcStatus = Grpc.Core.StatusCode;

namespace CarteValoise.Portal.Pages;

/// <summary>«Ma famille»: the signed-in parent's household, its children's meals and card taps of one day.</summary>
public sealed class IndexModel(Families.FamiliesClient families, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    /// <summary>The family's day; none when no family is attached to the account yet (a citizen who has just registered).</summary>
    public FamilyDay? Family { get; private set; }

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
        try
        {
            Family = FamilyDay.From(await families.GetMyFamilyAsync(request, cancellationToken: HttpContext.RequestAborted), time);
        }
        catch (RpcException refusal) when (refusal.StatusCode == GrpcStatus.FailedPrecondition)
        {
            // The cloud's word for an account that no family is attached to: the page says what comes
            // next, and a day asked for no longer matters.
            ModelState.Remove("date");
        }
        return Page();
    }
}

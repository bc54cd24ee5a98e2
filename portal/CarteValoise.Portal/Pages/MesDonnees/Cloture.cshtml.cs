using CarteValoise.Contracts.PersonalData;
using CarteValoise.Portal.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.MesDonnees;

/// <summary>
/// /MesDonnees/Cloture: what closing the account does (30 days to change one's mind, what is erased,
/// what the law keeps), and the request itself, confirmed by a box to tick. Nothing is asked until
/// the box is ticked; a form sent twice asks once.
/// </summary>
public sealed class ClotureModel(PersonalData.PersonalDataClient personalData) : PageModel
{
    public const string ConfirmField = "confirme";
    public const string OperationField = "operation";
    public const string ConfirmErrorId = "confirme-erreur";

    [BindProperty(Name = ConfirmField)]
    public string? Confirmed { get; set; }

    [BindProperty(Name = OperationField)]
    public string? Operation { get; set; }

    public AccountClosure Closure { get; private set; } = new();

    public RetentionPeriods Retention { get; private set; } = new();

    /// <summary>The operation of the form shown: the one sent back when the form comes back with an error.</summary>
    public string FormOperation => string.IsNullOrWhiteSpace(Operation) ? newOperation : Operation;

    private readonly string newOperation = Guid.NewGuid().ToString("N");

    public bool CanRequest => Closure.State is AccountClosureState.None or AccountClosureState.Cancelled;

    public string? ConfirmError => ModelState.TryGetValue(ConfirmField, out var entry) && entry.Errors.Count > 0
        ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
        : null;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Confirmed != "oui")
        {
            ModelState.AddModelError(ConfirmField, "Cochez la case pour confirmer que vous demandez la clôture de votre compte.");
            await LoadAsync();
            return Page();
        }
        await personalData.RequestAccountClosureAsync(new RequestAccountClosureRequest { OperationId = FormOperation },
            cancellationToken: HttpContext.RequestAborted);
        return Redirect($"/MesDonnees?fait={ClosureWording.Requested}#cloture");
    }

    private async Task LoadAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var closure = personalData.GetAccountClosureAsync(new GetAccountClosureRequest(), cancellationToken: cancel);
        var retention = personalData.GetRetentionPeriodsAsync(new GetRetentionPeriodsRequest(), cancellationToken: cancel);
        Closure = await closure;
        Retention = await retention;
    }
}

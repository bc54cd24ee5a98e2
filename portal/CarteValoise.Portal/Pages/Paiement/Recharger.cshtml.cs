using CarteValoise.Contracts.Families;
using CarteValoise.Contracts.Payments;
using CarteValoise.Web.Formatting;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Paiement;

/// <summary>
/// /Paiement/Recharger: tops up a prepaid canteen balance online. The amount is typed as people
/// write euros; what the cloud refuses (bounds, a commune billing monthly) is shown as it words it,
/// next to the field, and nothing is created.
/// </summary>
public sealed class RechargerModel(Families.FamiliesClient families, Payments.PaymentsClient payments, ILogger<RechargerModel> logger) : PageModel
{
    public const string AmountField = "montant";

    [BindProperty(Name = AmountField)]
    public string? Amount { get; set; }

    public FamilySummary Family { get; private set; } = null!;

    public async Task OnGetAsync() => Family = await families.GetMyFamilyAsync(new GetMyFamilyRequest(), cancellationToken: HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Family = await families.GetMyFamilyAsync(new GetMyFamilyRequest(), cancellationToken: HttpContext.RequestAborted);
        if (!TypedNumbers.TryParseCents(Amount, out var cents) || cents <= 0)
        {
            ModelState.AddModelError(AmountField, "Saisissez le montant à ajouter en euros, supérieur à zéro, avec au plus deux décimales : par exemple 20 ou 12,50.");
            return Page();
        }
        try
        {
            var started = await payments.StartPaymentAsync(new StartPaymentRequest { TopUpCents = cents }, cancellationToken: HttpContext.RequestAborted);
            logger.LogInformation("Rechargement en ligne {IdOp} de {Cents} centimes : vers PayFiP", started.IdOp, cents);
            return Redirect(started.GatewayUrl);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument)
        {
            ModelState.AddModelError(AmountField, refusal.Status.Detail);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.Unavailable)
        {
            ModelState.AddModelError("", $"Le rechargement n'a pas pu commencer. {refusal.Status.Detail}");
        }
        return Page();
    }
}

using CarteValoise.Contracts.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WirePayment = CarteValoise.Contracts.Payments.OnlinePayment;

namespace CarteValoise.Portal.Pages.Paiement;

/// <summary>
/// /Paiement/Retour?idop=…, where PayFiP sends the browser back. The page shows what the cloud
/// confirmed with PayFiP itself, never what the address says; a payment still in progress offers to
/// look again.
/// </summary>
public sealed class RetourModel(Payments.PaymentsClient payments) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "idop")]
    public string? IdOp { get; set; }

    public WirePayment Payment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        // Bound whatever its case: PayFiP's sources spell it idop or idOp.
        if (string.IsNullOrWhiteSpace(IdOp)) return NotFound();
        IdOp = IdOp.Trim();
        Payment = await payments.GetPaymentAsync(new GetPaymentRequest { IdOp = IdOp }, cancellationToken: HttpContext.RequestAborted);
        // The result may change while the payer looks at it: never from a cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}

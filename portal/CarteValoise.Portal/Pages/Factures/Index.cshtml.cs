using CarteValoise.Contracts.Billing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Factures;

/// <summary>
/// /Factures/{numéro}: the invoice's PDF, as the cloud makes it, under the file name it gives. The
/// cloud decides who may have it (the family's parents, the commune's agents): another family's
/// invoice is its «Accès refusé», an unknown number its «Page introuvable».
/// </summary>
public sealed class IndexModel(Billing.BillingClient billing) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "numero")]
    public string? Number { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var number = Number?.Trim() ?? "";
        if (number.Length == 0)
        {
            return NotFound();
        }
        var invoice = await billing.GetInvoicePdfAsync(new GetInvoicePdfRequest { InvoiceNumber = number },
            cancellationToken: HttpContext.RequestAborted);
        // An invoice names a family and what it owes: no shared cache may keep it.
        Response.Headers.CacheControl = "private, no-store";
        var fileName = string.IsNullOrWhiteSpace(invoice.FileName) ? $"facture-{number}.pdf" : invoice.FileName;
        return File(invoice.Pdf.ToByteArray(), "application/pdf", fileName);
    }
}

using CarteValoise.Contracts.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Paiement;

/// <summary>/Paiement/Recu/{idop}: the receipt of a paid payment, as the cloud makes it, under the name it gives.</summary>
public sealed class RecuModel(Payments.PaymentsClient payments) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "idop")]
    public string? IdOp { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(IdOp)) return NotFound();
        var receipt = await payments.GetReceiptPdfAsync(new GetReceiptPdfRequest { IdOp = IdOp.Trim() }, cancellationToken: HttpContext.RequestAborted);
        // A receipt names a family and what it paid: no shared cache may keep it.
        Response.Headers.CacheControl = "private, no-store";
        return File(receipt.Pdf.ToByteArray(), "application/pdf", receipt.FileName.Length > 0 ? receipt.FileName : $"recu-{IdOp.Trim()}.pdf");
    }
}

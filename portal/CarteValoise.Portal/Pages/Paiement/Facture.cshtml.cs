using CarteValoise.Contracts.Families;
using CarteValoise.Contracts.Payments;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Pages.Paiement;

/// <summary>
/// /Paiement/Facture/{numéro}: what paying an invoice online means — what is left to pay, and that
/// PayFiP takes the card — and the button that creates the payment and sends the browser to PayFiP.
/// Another family's invoice, or one that does not exist, is «Page introuvable»; one already paid says so.
/// </summary>
public sealed class FactureModel(Families.FamiliesClient families, Payments.PaymentsClient payments, ILogger<FactureModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "numero")]
    public string? Number { get; set; }

    public FamilyInvoice Invoice { get; private set; } = null!;

    public long DueCents => Invoice.TotalCents - Invoice.PaidCents;

    /// <summary>The cloud's refusal to start the payment, as it words it.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            var started = await payments.StartPaymentAsync(new StartPaymentRequest { InvoiceNumber = Invoice.Number }, cancellationToken: HttpContext.RequestAborted);
            logger.LogInformation("Paiement en ligne {IdOp} de la facture {Number} : vers PayFiP", started.IdOp, Invoice.Number);
            return Redirect(started.GatewayUrl);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.InvalidArgument or GrpcStatus.Unavailable)
        {
            Refusal = refusal.Status.Detail;
            ModelState.AddModelError("", $"Le paiement n'a pas pu commencer. {refusal.Status.Detail}");
            return Page();
        }
    }

    /// <summary>«novembre 2026» for the wire's «2026-11».</summary>
    public static string MonthSaid(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", Web.Formatting.FrenchFormat.French)
            : month;

    private async Task<bool> LoadAsync()
    {
        var number = Number?.Trim() ?? "";
        if (number.Length == 0) return false;
        var family = await families.GetMyFamilyAsync(new GetMyFamilyRequest(), cancellationToken: HttpContext.RequestAborted);
        Invoice = family.Invoices.FirstOrDefault(i => string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase))!;
        return Invoice is not null;
    }
}

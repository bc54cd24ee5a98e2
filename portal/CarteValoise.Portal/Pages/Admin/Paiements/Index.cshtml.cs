using System.Net.Mime;
using CarteValoise.Contracts.Payments;
using CarteValoise.Portal.OnlinePayment;
using CarteValoise.Portal.Pages.Admin.Facturation;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using GrpcStatus = Grpc.Core.StatusCode;
using WirePayment = CarteValoise.Contracts.Payments.OnlinePayment;

namespace CarteValoise.Portal.Pages.Admin.Paiements;

/// <summary>
/// The online payments of the agent's commune for a month: each with its family, what it paid (an
/// invoice, a top-up), its amount, its state and PayFiP's idOp; the month's totals; a receipt for
/// each one paid; and «Rapprocher», which has the cloud ask PayFiP again now. Another commune's
/// payments are the cloud's «Accès refusé».
/// </summary>
public sealed class IndexModel(Payments.PaymentsClient payments, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const string MonthField = "mois";
    public const string StateField = "etat";

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = MonthField)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = StateField)]
    public string? State { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    public DateOnly? MonthStart { get; private set; }

    public CommunePayments? Book { get; private set; }

    /// <summary>The payment just reconciled, as the cloud now sees it.</summary>
    public WirePayment? Reconciled { get; private set; }

    public string MonthLabel => MonthStart is { } start ? BillingMonthField.Label(start) : "";

    public string CommuneLabel => MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    public async Task OnGetAsync()
    {
        Start();
        await LoadAsync();
    }

    public async Task OnPostReconcileAsync([FromForm(Name = "idop")] string? idOp)
    {
        Start();
        if (string.IsNullOrWhiteSpace(idOp))
        {
            ModelState.AddModelError("", "Aucun paiement n'a été indiqué pour le rapprochement.");
        }
        else
        {
            Reconciled = await payments.ReconcilePaymentAsync(new ReconcilePaymentRequest { IdOp = idOp.Trim() }, cancellationToken: HttpContext.RequestAborted);
            logger.LogInformation("Paiement {IdOp} rapproché avec PayFiP : {State}", Reconciled.IdOp, Reconciled.State);
        }
        await LoadAsync();
    }

    /// <summary>The receipt of a paid payment, opened in the browser; the cloud decides who may read it and logs the read.</summary>
    public async Task<IActionResult> OnGetRecuAsync([FromQuery(Name = "idop")] string? idOp)
    {
        if (string.IsNullOrWhiteSpace(idOp)) return NotFound();
        var receipt = await payments.GetReceiptPdfAsync(new GetReceiptPdfRequest { IdOp = idOp.Trim() }, cancellationToken: HttpContext.RequestAborted);
        Response.ContentType = MediaTypeNames.Application.Pdf;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(receipt.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "private, no-store";
        return File(receipt.Pdf.ToByteArray(), MediaTypeNames.Application.Pdf);
    }

    private void Start()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (string.IsNullOrWhiteSpace(Month))
        {
            var today = Web.Formatting.FrenchFormat.TodayInParis(time);
            MonthStart = new DateOnly(today.Year, today.Month, 1);
            Month = BillingMonthField.Wire(MonthStart.Value);
        }
        else if (BillingMonthField.TryParse(Month, out var first))
        {
            MonthStart = first;
            Month = BillingMonthField.Wire(first);
        }
        else
        {
            ModelState.AddModelError(MonthField, BillingMonthField.Invalid(Month));
        }
        if (!string.IsNullOrWhiteSpace(State) && PaymentWording.FromMarker(State) is null)
        {
            ModelState.AddModelError(StateField, "Choisissez un état dans la liste.");
            State = null;
        }
    }

    private async Task LoadAsync()
    {
        if (Commune is null || MonthStart is not { } month) return;
        try
        {
            Book = await payments.ListCommunePaymentsAsync(new ListCommunePaymentsRequest
            {
                CommuneInseeCode = Commune,
                Month = BillingMonthField.Wire(month),
                State = PaymentWording.FromMarker(State) ?? PaymentState.Unspecified,
            }, cancellationToken: HttpContext.RequestAborted);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.InvalidArgument)
        {
            ModelState.AddModelError(MonthField, refusal.Status.Detail);
        }
    }
}

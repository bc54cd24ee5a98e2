using System.Net.Mime;
using CarteValoise.Contracts.Billing;
using CarteValoise.Web.Formatting;
using CarteValoise.Web.Sessions;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using GrpcStatus = Grpc.Core.StatusCode;

namespace CarteValoise.Portal.Pages.Admin.Facturation;

/// <summary>
/// The monthly invoices of a commune that bills that way: closing a finished month (idempotent: a
/// second close creates nothing), the paid and unpaid invoices with their totals, a payment received
/// at the counter, and each invoice's PDF. Whether a commune bills monthly and whether a month may be
/// closed is the cloud's to say: its refusal is shown as it words it.
/// </summary>
public sealed class IndexModel(Billing.BillingClient billing, TimeProvider time, ILogger<IndexModel> logger) : PageModel
{
    public const string MonthField = "mois";
    public const string ConfirmField = "confirmation";
    public const string StateField = "etat";
    public const string InvoiceField = "facture";
    public const string AmountField = "montant";
    public const string MeansField = "moyen";
    public const string OperationField = "operation";
    public const string PaidState = "payees";
    public const string UnpaidState = "impayees";

    /// <summary>The means of payment a counter takes.</summary>
    public static readonly IReadOnlyList<string> CounterMeans = ["espèces", "chèque", "carte bancaire"];

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = MonthField)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = StateField)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = InvoiceField)]
    public string? PaymentInvoice { get; set; }

    [BindProperty(Name = ConfirmField)]
    public bool Confirmed { get; set; }

    [BindProperty(Name = AmountField)]
    public string? Amount { get; set; }

    [BindProperty(Name = MeansField)]
    public string? Means { get; set; }

    /// <summary>Made when the payment form is shown, so that a form sent twice records one payment.</summary>
    [BindProperty(Name = OperationField)]
    public string? OperationId { get; set; }

    public IReadOnlyList<CommuneChoice> MyCommunes { get; private set; } = [];

    /// <summary>The first day of the month shown; null when the month asked for is not one.</summary>
    public DateOnly? MonthStart { get; private set; }

    public MonthClose? Closing { get; private set; }

    public IReadOnlyList<MonthClose> ClosedMonths { get; private set; } = [];

    /// <summary>The cloud's refusal for this commune or month (a prepaid commune, a month not over), in its words.</summary>
    public string? Refusal { get; private set; }

    public CloseResult? Result { get; private set; }

    public InvoiceSummary? PaymentRecorded { get; private set; }

    public string MonthLabel => MonthStart is { } start ? BillingMonthField.Label(start) : "";

    /// <summary>«de novembre 2026», «d'octobre 2026».</summary>
    public string OfMonth => MonthStart is { } start ? BillingMonthField.OfMonth(start) : "";

    /// <summary>«le 4 décembre 2026 à 18:02 par Agent d'Argenteuil», as much of it as the cloud said.</summary>
    public string ClosedWhenAndBy =>
        string.Join(" ", new[]
        {
            Closing?.ClosedAt is { } at ? $"le {FrenchFormat.DayAndTime(at.ToDateTimeOffset())}" : null,
            Closing is { ClosedBy.Length: > 0 } ? $"par {Closing.ClosedBy}" : null,
        }.OfType<string>());

    public string CommuneLabel => MyCommunes.FirstOrDefault(c => c.InseeCode == Commune)?.Name ?? Commune ?? "";

    /// <summary>The invoices of the month the table shows, by number, filtered by <see cref="State"/>.</summary>
    public IReadOnlyList<InvoiceSummary> Invoices => (Closing?.Invoices ?? [])
        .Where(i => State switch { PaidState => i.Paid, UnpaidState => !i.Paid, _ => true })
        .OrderBy(i => i.Number, StringComparer.Ordinal)
        .ToList();

    public InvoiceSummary? InvoiceToPay => Closing?.Invoices.FirstOrDefault(i => i.Number == PaymentInvoice?.Trim());

    public async Task OnGetAsync()
    {
        OperationId = NewOperationId();
        Start();
        await LoadAsync();
    }

    public async Task OnPostCloseAsync()
    {
        OperationId = NewOperationId();
        Start();
        if (MonthStart is { } month && Commune is not null)
        {
            if (!Confirmed)
            {
                ModelState.AddModelError(ConfirmField, $"Cochez la case pour confirmer la clôture {BillingMonthField.OfMonth(month)}.");
            }
            else
            {
                await CloseAsync(month);
            }
        }
        await LoadAsync(loadMonth: Closing is null);
    }

    public async Task OnPostPaymentAsync()
    {
        OperationId = string.IsNullOrWhiteSpace(OperationId) ? NewOperationId() : OperationId.Trim();
        Start();
        var number = PaymentInvoice?.Trim() ?? "";
        if (number.Length == 0)
        {
            ModelState.AddModelError(InvoiceField, "Indiquez le numéro de la facture payée.");
        }
        if (!EuroAmount.TryParseCents(Amount, out var cents))
        {
            ModelState.AddModelError(AmountField, EuroAmount.Invalid);
        }
        if (!CounterMeans.Contains(Means?.Trim()))
        {
            ModelState.AddModelError(MeansField, "Choisissez le moyen de paiement : espèces, chèque ou carte bancaire.");
        }
        if (ModelState.IsValid)
        {
            await RecordPaymentAsync(number, cents, Means!.Trim());
        }
        await LoadAsync();
    }

    /// <summary>The invoice's PDF, opened in the browser; the cloud decides who may read it.</summary>
    public async Task<IActionResult> OnGetPdfAsync([FromQuery(Name = "numero")] string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return NotFound();
        }
        var document = await billing.GetInvoicePdfAsync(new GetInvoicePdfRequest { InvoiceNumber = number.Trim() },
            cancellationToken: HttpContext.RequestAborted);
        Response.ContentType = MediaTypeNames.Application.Pdf;
        Response.ContentLength = document.Pdf.Length;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.FileName.Length > 0 ? document.FileName : $"facture-{number.Trim()}.pdf");
        Response.Headers.ContentDisposition = disposition.ToString();
        // An invoice names a family and its children: no shared cache keeps it.
        Response.Headers.CacheControl = "private, no-store";
        await Response.Body.WriteAsync(document.Pdf.Memory, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    private async Task CloseAsync(DateOnly month)
    {
        var request = new CloseMonthRequest { CommuneInseeCode = Commune, Month = BillingMonthField.Wire(month) };
        try
        {
            // Asked first, so that «already closed» is told apart from «nothing to bill».
            var before = await billing.GetMonthAsync(request, cancellationToken: HttpContext.RequestAborted);
            Closing = await billing.CloseMonthAsync(request, cancellationToken: HttpContext.RequestAborted);
            Result = new CloseResult(Closing.CreatedNow, Closing.Invoices.Count, before.Closed, Closing.FamiliesWithNothingToBill);
            logger.LogInformation("Mois {Month} de {Commune} clôturé : {Created} factures créées sur {Total}.",
                request.Month, Commune, Closing.CreatedNow, Closing.Invoices.Count);
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.InvalidArgument)
        {
            Refusal = Worded(refusal, $"Le mois {BillingMonthField.OfMonth(month)} n'a pas été clôturé.");
        }
    }

    private async Task RecordPaymentAsync(string number, long cents, string means)
    {
        try
        {
            PaymentRecorded = await billing.RecordPaymentAsync(
                new RecordPaymentRequest { InvoiceNumber = number, AmountCents = cents, Means = means, OperationId = OperationId },
                cancellationToken: HttpContext.RequestAborted);
            logger.LogInformation("Paiement de {Cents} centimes ({Means}) enregistré pour la facture {Number}.", cents, means, number);
            // Done: the form comes back empty, with a new operation for the next payment.
            PaymentInvoice = null;
            Amount = null;
            Means = null;
            OperationId = NewOperationId();
            ModelState.Clear();
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.NotFound)
        {
            ModelState.AddModelError(InvoiceField, Worded(refusal, $"La facture {number} est introuvable : vérifiez son numéro."));
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition or GrpcStatus.InvalidArgument)
        {
            ModelState.AddModelError(AmountField, $"Le paiement n'a pas été enregistré. {Worded(refusal, "Vérifiez le montant et la facture.")}");
        }
    }

    /// <summary>The commune and the month asked for; a month that is not one is said in French and nothing is asked of the cloud for it.</summary>
    private void Start()
    {
        MyCommunes = User.Communes();
        Commune = string.IsNullOrWhiteSpace(Commune) ? MyCommunes.FirstOrDefault()?.InseeCode : Commune.Trim();
        if (string.IsNullOrWhiteSpace(Month))
        {
            MonthStart = BillingMonthField.LastFinished(time);
            Month = BillingMonthField.Wire(MonthStart.Value);
        }
        else if (BillingMonthField.TryParse(Month, out var first))
        {
            MonthStart = first;
            Month = BillingMonthField.Wire(first);
        }
        else
        {
            MonthStart = null;
            ModelState.AddModelError(MonthField, BillingMonthField.Invalid(Month));
        }
    }

    private async Task LoadAsync(bool loadMonth = true)
    {
        if (Commune is null)
        {
            return;
        }
        var cancel = HttpContext.RequestAborted;
        try
        {
            if (loadMonth && MonthStart is { } month)
            {
                Closing = await billing.GetMonthAsync(new CloseMonthRequest { CommuneInseeCode = Commune, Month = BillingMonthField.Wire(month) }, cancellationToken: cancel);
            }
            ClosedMonths = (await billing.ListClosedMonthsAsync(new ListClosedMonthsRequest { CommuneInseeCode = Commune }, cancellationToken: cancel)).Months;
        }
        catch (RpcException refusal) when (refusal.StatusCode is GrpcStatus.FailedPrecondition)
        {
            Refusal ??= Worded(refusal, "Cette commune ne facture pas ses familles au mois.");
        }
    }

    private static string Worded(RpcException refusal, string fallback) =>
        string.IsNullOrWhiteSpace(refusal.Status.Detail) ? fallback : refusal.Status.Detail;

    private static string NewOperationId() => "guichet-" + Guid.NewGuid().ToString("N");
}

/// <summary>What one click on «Clôturer le mois» did: invoices created now, out of the month's total.</summary>
public sealed record CloseResult(int CreatedNow, int Total, bool WasAlreadyClosed, int FamiliesWithNothingToBill)
{
    public string Sentence(string monthLabel) => WasAlreadyClosed || (CreatedNow == 0 && Total > 0)
        ? $"0 facture créée : le mois était déjà clôturé. {Capitalised(monthLabel)} compte {Invoices(Total)}."
        : CreatedNow == 0
            ? $"0 facture créée : aucune famille n'avait de repas ou d'accueil à payer en {monthLabel}. Le mois est clôturé."
            : $"{Invoices(CreatedNow, "créée")} sur {Total} pour {monthLabel}.";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invoices(int count, string? participle = null) =>
        count <= 1 ? $"{count} facture{(participle is null ? "" : " " + participle)}" : $"{count} factures{(participle is null ? "" : " " + participle + "s")}";
}

using CarteValoise.Contracts.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WirePayment = CarteValoise.Contracts.Payments.OnlinePayment;

namespace CarteValoise.Portal.Pages.Paiement;

/// <summary>«Mes paiements»: the family's online payments, newest first, each with its state and, once paid, its receipt.</summary>
public sealed class IndexModel(Payments.PaymentsClient payments) : PageModel
{
    public IReadOnlyList<WirePayment> Payments { get; private set; } = [];

    public async Task OnGetAsync() =>
        Payments = (await payments.ListMyPaymentsAsync(new ListMyPaymentsRequest(), cancellationToken: HttpContext.RequestAborted)).Payments;
}

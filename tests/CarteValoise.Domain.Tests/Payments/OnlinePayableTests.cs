using CarteValoise.Domain.Payments;

namespace CarteValoise.Domain.Tests.Payments;

public sealed class OnlinePayableTests
{
    [Fact]
    public void An_invoice_with_something_left_to_pay_can_be_paid_online() =>
        Assert.Null(OnlinePayable.InvoiceProblem("95018-2026-11-000001", 1_700));

    [Theory]
    [InlineData(0, "La facture 95018-2026-11-000001 est déjà entièrement payée.")]
    [InlineData(50, "Le reste à payer de la facture 95018-2026-11-000001 (0,50 €) est inférieur au minimum du paiement en ligne (1,00 €) : réglez-le à la mairie.")]
    public void An_invoice_paid_or_almost_is_refused_with_the_reason(long due, string reason) =>
        Assert.Equal(reason, OnlinePayable.InvoiceProblem("95018-2026-11-000001", due));

    [Theory]
    [InlineData(100, true)]
    [InlineData(50_000, true)]
    [InlineData(99, false)]
    [InlineData(50_001, false)]
    public void A_top_up_goes_from_1_to_500_euros(long cents, bool accepted) => Assert.Equal(accepted, OnlinePayable.TopUpProblem(cents) is null);

    [Fact]
    public void A_top_up_refused_says_the_bounds() =>
        Assert.Equal("Le montant du rechargement doit être compris entre 1,00 € et 500,00 € (600,00 € demandé).", OnlinePayable.TopUpProblem(60_000));
}

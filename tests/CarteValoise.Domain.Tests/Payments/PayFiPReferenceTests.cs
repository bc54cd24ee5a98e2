using CarteValoise.Domain.Payments;

namespace CarteValoise.Domain.Tests.Payments;

public sealed class PayFiPReferenceTests
{
    [Fact]
    public void An_invoice_is_paid_under_its_number_without_dashes() =>
        Assert.Equal("95018202611000001", PayFiPReference.ForInvoice("95018-2026-11-000001"));

    [Fact]
    public void A_top_up_is_referenced_by_the_family_and_the_Paris_time_to_the_second() =>
        Assert.Equal("RECH95127F00120261204213005", PayFiPReference.ForTopUp("95127-F001", new DateTimeOffset(2026, 12, 4, 20, 30, 5, TimeSpan.Zero)));

    [Fact]
    public void A_long_family_identifier_gives_way_to_the_time_within_30_characters()
    {
        var refdet = PayFiPReference.ForTopUp("95127-IMPORT-0000123456789", new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal("RECH00012345678920260701100000", refdet);
        Assert.Null(PayFiPFields.RefdetProblem(refdet));
    }
}

using CarteValoise.Domain.Payments;

namespace CarteValoise.Domain.Tests.Payments;

public sealed class TransactionResultTests
{
    [Theory]
    [InlineData("P", TransactionResult.PaidByCard, true, false)]
    [InlineData("V", TransactionResult.PaidByDirectDebit, true, false)]
    [InlineData("R", TransactionResult.CardRefused, false, true)]
    [InlineData("Z", TransactionResult.DirectDebitRefused, false, true)]
    [InlineData("A", TransactionResult.Abandoned, false, false)]
    [InlineData("X", TransactionResult.Unrecognised, false, false)]
    [InlineData("p", TransactionResult.Unrecognised, false, false)]
    [InlineData("", TransactionResult.Unrecognised, false, false)]
    public void Resultrans_says_paid_refused_abandoned_or_nothing_known(string resultrans, TransactionResult result, bool paid, bool refused)
    {
        var read = TransactionResults.Parse(resultrans);

        Assert.Equal((result, paid, refused), (read, read.IsPaid(), read.IsRefused()));
    }

    [Fact]
    public void The_transaction_time_is_read_from_dattrans_and_heurtrans_in_Paris()
    {
        var detail = new GatewayDetail("id", "REF123", "100", "012345", "2026", "P", Dattrans: "04122026", Heurtrans: "2130");

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 20, 30, 0, TimeSpan.Zero), detail.TransactionAt);
        Assert.Null((detail with { Dattrans = "2026-12-04" }).TransactionAt);
    }
}

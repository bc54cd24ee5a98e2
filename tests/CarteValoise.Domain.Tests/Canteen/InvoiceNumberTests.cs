using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class InvoiceNumberTests
{
    private static readonly BillingMonth December = new(2026, 12);

    [Fact]
    public void A_month_knows_its_days_and_its_name()
    {
        Assert.Equal(December, BillingMonth.Of(Day("2026-12-03")));
        Assert.Equal(("2026-12", "décembre 2026", Day("2026-12-01"), Day("2026-12-31")), (December.ToString(), December.Label, December.FirstDay, December.LastDay));
        Assert.Equal(Day("2028-02-29"), new BillingMonth(2028, 2).LastDay);
        Assert.Equal(new BillingMonth(2027, 1), December.Next());
        Assert.True(December.Contains(Day("2026-12-31")) && !December.Contains(Day("2027-01-01")));
        Assert.Equal(December, BillingMonth.Parse("2026-12"));
        Assert.Equal("« 2026-13 » n'est pas un mois de facturation (attendu : année-mois, par exemple 2026-12).",
            Assert.Throws<FormatException>(() => BillingMonth.Parse("2026-13")).Message);
        Assert.Equal("Le mois 13 de l'année 2026 n'existe pas ou sort des années facturables (2000 à 9999).",
            Assert.Throws<ArgumentException>(() => new BillingMonth(2026, 13)).Message);
    }

    [Theory]
    [InlineData("95127", 2026, 12, 123, "95127-2026-12-000123")]
    [InlineData("95127", 2027, 1, 1, "95127-2027-01-000001")]
    [InlineData("2A004", 2027, 1, 42, "2A004-2027-01-000042")]
    [InlineData("95127", 2031, 6, 1234567, "95127-2031-06-1234567")] // past a million invoices the number grows
    public void Numbers_are_written_and_read_back(string insee, int year, int month, long sequence, string text)
    {
        var number = new InvoiceNumber(insee, new BillingMonth(year, month), sequence);
        Assert.Equal(text, number.ToString());
        Assert.Equal(number, InvoiceNumber.Parse(text));
    }

    [Theory]
    [InlineData("95127-2026-13-000123")]
    [InlineData("9512-2026-12-000123")]
    [InlineData("95127-2026-12-123")]
    [InlineData("95127-2026-12-000000")]
    [InlineData("95127-2026-12-0001234")]
    [InlineData("95127/2026/12/000123")]
    [InlineData("")]
    public void Anything_else_is_not_an_invoice_number(string text)
    {
        Assert.False(InvoiceNumber.TryParse(text, out _));
        Assert.Equal($"« {text} » n'est pas un numéro de facture (attendu : code INSEE-année-mois-numéro, par exemple 95127-2026-12-000123).",
            Assert.Throws<FormatException>(() => InvoiceNumber.Parse(text)).Message);
    }

    [Fact]
    public void A_number_needs_a_commune_code_and_a_sequence_from_one()
    {
        Assert.Equal("« Pontoise » n'est pas un code INSEE de commune (5 caractères, par exemple 95127).",
            Assert.Throws<ArgumentException>(() => new InvoiceNumber("Pontoise", December, 1)).Message);
        Assert.Equal("Le numéro d'ordre d'une facture commence à 1 (0 donné).",
            Assert.Throws<ArgumentException>(() => new InvoiceNumber("95127", December, 0)).Message);
    }
}

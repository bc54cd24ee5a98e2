using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class AnswerValuesTests
{
    [Fact]
    public void Lines_and_keys_are_the_shapes_answers_are_kept_in()
    {
        Assert.Equal(["passeport", "autre"], AnswerValues.Lines(" passeport \r\n\n autre\n"));
        Assert.Empty(AnswerValues.Lines(null));
        Assert.Equal("passeport\nautre", AnswerValues.JoinLines(["passeport", "autre"]));
        Assert.Equal("personnes[1].prenom", AnswerValues.ItemKey("personnes", 1, "prenom"));
        Assert.Equal("12 rue des Écoles\n95000\nCergy", AnswerValues.Address(" 12 rue des Écoles", "95000 ", "Cergy"));
        Assert.Equal(("12 rue des Écoles", "95000", "Cergy"), AnswerValues.AddressParts("12 rue des Écoles\n95000\nCergy"));
        Assert.Null(AnswerValues.AddressParts("12 rue des Écoles\nCergy"));
    }

    [Fact]
    public void A_groups_item_count_is_its_highest_index_plus_one()
    {
        Assert.Equal(3, AnswerValues.ItemCount("personnes", ["personnes[2].prenom", "personnes[0].prenom", "personnesx[7].prenom", "autre"]));
        Assert.Equal(0, AnswerValues.ItemCount("personnes", ["personnes", "personnes[].prenom", "personnes[a].prenom"]));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("3,5", 3.5)]
    [InlineData("3.5", 3.5)]
    [InlineData(" 1 000 ", 1000)]
    [InlineData("-2", -2)]
    public void A_number_reads_with_a_french_or_an_invariant_separator(string typed, double value) =>
        Assert.Equal((decimal)value, AnswerValues.Number(typed));

    [Fact]
    public void Numbers_and_dates_read_as_a_french_reader_writes_them()
    {
        Assert.Null(AnswerValues.Number("douze"));
        Assert.Null(AnswerValues.Number("1,2,3"));
        Assert.Equal("1234,5", AnswerValues.FrenchNumber(1234.50m));
        Assert.Equal(new DateOnly(2026, 2, 28), AnswerValues.Date("2026-02-28"));
        Assert.Null(AnswerValues.Date("2026-02-30"));
        Assert.Null(AnswerValues.Date("28/02/2026"));
    }
}

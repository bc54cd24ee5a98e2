using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class FrenchTextTests
{
    [Theory]
    [InlineData("2026-12-01", "mardi 1er décembre 2026")]
    [InlineData("2026-12-03", "jeudi 3 décembre 2026")]
    [InlineData("2027-08-15", "dimanche 15 août 2027")]
    public void Days_read_as_in_a_letter(string day, string text) => Assert.Equal(text, FrenchText.Day(Day(day)));

    [Theory]
    [InlineData("2026-12-01T11:00:00Z", "mardi 1er décembre 2026 à 12:00")] // winter, UTC+1
    [InlineData("2027-03-30T10:00:00Z", "mardi 30 mars 2027 à 12:00")] // summer, UTC+2
    public void Instants_read_on_a_Paris_clock(string instant, string text) => Assert.Equal(text, FrenchText.DayAndTime(Utc(instant)));

    [Theory]
    [InlineData(350, "3,50 €")]
    [InlineData(-1240, "-12,40 €")]
    [InlineData(123400, "1 234,00 €")]
    [InlineData(0, "0,00 €")]
    public void Amounts_read_in_euros(long cents, string text) => Assert.Equal(text, FrenchText.Euros(cents));
}

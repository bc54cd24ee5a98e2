using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class PublicHolidaysTests
{
    [Theory]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2038, "2038-04-25")] // the latest Easter can be
    [InlineData(2285, "2285-03-22")] // the earliest
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, string sunday) =>
        Assert.Equal(Day(sunday), Easter.SundayOf(year));

    [Fact]
    public void The_jours_feries_of_2027_are_those_of_the_official_list()
    {
        Assert.Equal(
        [
            "2027-01-01 Jour de l'an", "2027-03-29 Lundi de Pâques", "2027-05-01 Fête du Travail", "2027-05-06 Ascension",
            "2027-05-08 Victoire 1945", "2027-05-17 Lundi de Pentecôte", "2027-07-14 Fête nationale", "2027-08-15 Assomption",
            "2027-11-01 Toussaint", "2027-11-11 Armistice 1918", "2027-12-25 Noël",
        ], PublicHolidays.Of(2027).Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}"));
    }

    [Fact]
    public void The_Easter_holidays_of_2026_move_with_Easter()
    {
        Assert.Equal("Lundi de Pâques", PublicHolidays.On(Day("2026-04-06"))?.Name);
        Assert.Equal("Ascension", PublicHolidays.On(Day("2026-05-14"))?.Name);
        Assert.Equal("Lundi de Pentecôte", PublicHolidays.On(Day("2026-05-25"))?.Name);
        Assert.Null(PublicHolidays.On(Day("2026-03-30"))); // a Monday, but not Easter's in 2026
    }

    [Fact]
    public void A_year_outside_the_Gregorian_range_is_refused_in_French() =>
        Assert.StartsWith("L'année 1500 est hors du calendrier grégorien pris en charge (1583 à 9999).",
            Assert.Throws<ArgumentOutOfRangeException>(() => Easter.SundayOf(1500)).Message);
}

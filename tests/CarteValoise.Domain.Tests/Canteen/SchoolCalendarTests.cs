using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class SchoolCalendarTests
{
    [Theory]
    [InlineData("2026-08-31", "avant la rentrée du mardi 1er septembre 2026")]
    [InlineData("2026-09-01", null)] // the rentrée
    [InlineData("2026-10-16", null)]
    [InlineData("2026-10-17", null)] // holidays begin after class that Saturday
    [InlineData("2026-10-19", "vacances de la Toussaint")]
    [InlineData("2026-10-25", "vacances de la Toussaint")] // the night the clocks go back
    [InlineData("2026-11-01", "jour férié (Toussaint)")]
    [InlineData("2026-11-02", null)] // classes resume that morning
    [InlineData("2026-11-11", "jour férié (Armistice 1918)")]
    [InlineData("2026-12-18", null)]
    [InlineData("2026-12-21", "vacances de Noël")]
    [InlineData("2027-01-04", null)]
    [InlineData("2027-02-15", "vacances d'hiver")]
    [InlineData("2027-03-29", "jour férié (Lundi de Pâques)")]
    [InlineData("2027-04-19", null)]
    [InlineData("2027-05-06", "jour férié (Ascension)")]
    [InlineData("2027-05-07", "pont de l'Ascension")]
    [InlineData("2027-05-10", null)]
    [InlineData("2027-05-17", "jour férié (Lundi de Pentecôte)")]
    [InlineData("2027-07-03", null)] // the last day of class
    [InlineData("2027-07-05", "vacances d'été")]
    public void A_day_is_open_or_closed_for_a_reason(string day, string? reason) =>
        Assert.Equal(reason, Year.WhyClosed(Day(day)));

    [Theory]
    [InlineData("2026-09-01", true)]
    [InlineData("2026-11-02", true)] // the rentrée after Toussaint
    [InlineData("2026-12-02", false)] // a Wednesday, in a four-day week
    [InlineData("2026-10-17", false)] // a Saturday
    [InlineData("2026-10-19", false)]
    [InlineData("2027-03-29", false)]
    public void School_days_in_a_four_day_week(string day, bool hasClass) => Assert.Equal(hasClass, Year.IsSchoolDay(Day(day)));

    [Fact]
    public void With_Saturday_morning_class_the_first_date_of_a_holiday_still_has_class()
    {
        var saturdays = ZoneCCalendars.Year2026To2027([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday]);
        Assert.True(saturdays.IsSchoolDay(Day("2026-10-17")));
        Assert.False(saturdays.IsSchoolDay(Day("2026-10-24")));
        Assert.True(saturdays.IsSchoolDay(Day("2027-07-03")));
    }

    [Theory]
    [InlineData("2026-12-03", 2, false, "2026-12-01")] // Thursday -> Tuesday
    [InlineData("2026-12-07", 2, false, "2026-12-03")] // Monday -> Thursday: the weekend is skipped
    [InlineData("2027-03-30", 2, false, "2027-03-25")] // Easter Monday is skipped
    [InlineData("2026-11-02", 2, false, "2026-10-29")] // holidays count when the commune works then
    [InlineData("2026-11-02", 2, true, "2026-10-15")] // ...and not when it says so
    [InlineData("2027-01-04", 2, false, "2026-12-30")] // 1 January skipped
    [InlineData("2027-01-04", 2, true, "2026-12-17")]
    [InlineData("2027-05-10", 2, false, "2027-05-05")] // Ascension skipped, the pont is a working day
    [InlineData("2027-05-10", 2, true, "2027-05-04")]
    [InlineData("2026-09-01", 2, true, "2026-08-28")] // the summer before the rentrée is worked
    public void Working_days_before_a_day(string day, int count, bool schoolHolidaysAreOff, string expected) =>
        Assert.Equal(Day(expected), Year.WorkingDaysBefore(Day(day), count, schoolHolidaysAreOff));

    [Fact]
    public void Holiday_periods_describe_themselves_as_the_arrete_does()
    {
        Assert.Equal(
        [
            "Vacances de la Toussaint : du samedi 17 octobre 2026 après la classe au lundi 2 novembre 2026 au matin",
            "Vacances de Noël : du samedi 19 décembre 2026 après la classe au lundi 4 janvier 2027 au matin",
            "Vacances d'hiver : du samedi 6 février 2027 après la classe au lundi 22 février 2027 au matin",
            "Vacances de printemps : du samedi 3 avril 2027 après la classe au lundi 19 avril 2027 au matin",
            "Pont de l'Ascension : le vendredi 7 mai 2027",
        ], Year.Holidays.Select(h => h.Description));
    }

    [Fact]
    public void A_commune_edits_its_periods_and_every_mistake_is_named()
    {
        var error = Assert.Throws<InvalidRulesException>(() => SchoolCalendar.Create("Année 2026-2027", Day("2026-09-01"), Day("2027-07-03"),
        [
            new("Vacances de Noël", Day("2027-01-04"), Day("2026-12-19")),
            new("Vacances de la Toussaint", Day("2026-10-17"), Day("2026-11-02")),
            new("Pont", Day("2026-10-30"), Day("2026-11-03")),
            new("Vacances d'été anticipées", Day("2027-07-01"), Day("2027-07-10")),
        ]));
        Assert.Equal(
        [
            "Vacances de la Toussaint et Pont se chevauchent.",
            "Vacances de Noël : aucun jour de vacances entre le lundi 4 janvier 2027 après la classe et le samedi 19 décembre 2026 au matin.",
            "Vacances d'été anticipées : la période sort de l'année scolaire (du mardi 1er septembre 2026 au samedi 3 juillet 2027).",
        ], error.Problems);
    }

    [Fact]
    public void A_year_that_ends_before_it_begins_without_name_nor_class_day_is_refused()
    {
        var error = Assert.Throws<InvalidRulesException>(() => SchoolCalendar.Create(" ", Day("2026-09-01"), Day("2026-07-03"), [], []));
        Assert.Equal(
        [
            "Le calendrier scolaire doit avoir un nom.",
            "Le début des vacances d'été (vendredi 3 juillet 2026) doit suivre la rentrée (mardi 1er septembre 2026) de moins d'un an.",
            "Choisissez au moins un jour de classe.",
        ], error.Problems);
    }
}

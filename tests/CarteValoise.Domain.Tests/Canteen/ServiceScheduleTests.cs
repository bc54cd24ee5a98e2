using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class ServiceScheduleTests
{
    private static readonly ServiceSchedule Canteen = ServiceSchedule.Usual(SchoolService.Canteen);
    private static readonly ServiceSchedule WednesdayCare = ServiceSchedule.Usual(SchoolService.WednesdayCare);

    [Theory]
    [InlineData("2026-12-03", null)]
    [InlineData("2026-12-02", "Pas de cantine le mercredi 2 décembre 2026 : ce service ne fonctionne pas le mercredi.")]
    [InlineData("2026-12-05", "Pas de cantine le samedi 5 décembre 2026 : ce service ne fonctionne pas le samedi.")]
    [InlineData("2027-03-29", "Pas de cantine le lundi 29 mars 2027 : jour férié (Lundi de Pâques).")]
    [InlineData("2026-10-26", "Pas de cantine le lundi 26 octobre 2026 : vacances de la Toussaint.")]
    [InlineData("2026-11-02", null)] // the rentrée after Toussaint
    [InlineData("2027-05-07", "Pas de cantine le vendredi 7 mai 2027 : pont de l'Ascension.")]
    [InlineData("2027-07-05", "Pas de cantine le lundi 5 juillet 2027 : vacances d'été.")]
    public void The_canteen_runs_on_its_days_only(string day, string? reason) => Assert.Equal(reason, Canteen.WhyNotOn(Day(day), Year));

    [Fact]
    public void Wednesday_care_runs_on_Wednesdays_out_of_holidays()
    {
        Assert.True(WednesdayCare.RunsOn(Day("2026-12-02"), Year));
        Assert.Equal("Pas d'accueil du mercredi le jeudi 3 décembre 2026 : ce service ne fonctionne pas le jeudi.", WednesdayCare.WhyNotOn(Day("2026-12-03"), Year));
        Assert.Equal("Pas d'accueil du mercredi le mercredi 11 novembre 2026 : jour férié (Armistice 1918).", WednesdayCare.WhyNotOn(Day("2026-11-11"), Year));
        Assert.Equal([Day("2026-11-04"), Day("2026-11-18"), Day("2026-11-25")], WednesdayCare.DaysBetween(Day("2026-11-01"), Day("2026-11-30"), Year));
    }

    [Fact]
    public void A_month_of_canteen_days_stops_at_the_Christmas_holidays() =>
        Assert.Equal(
            ["2026-12-01", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08", "2026-12-10", "2026-12-11", "2026-12-14", "2026-12-15", "2026-12-17", "2026-12-18"],
            Canteen.DaysBetween(Day("2026-12-01"), Day("2026-12-31"), Year).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_week_of_Ascension_has_two_canteen_days() =>
        Assert.Equal([Day("2027-05-03"), Day("2027-05-04")], Canteen.DaysBetween(Day("2027-05-03"), Day("2027-05-09"), Year));

    [Fact]
    public void A_service_without_any_day_is_refused() =>
        Assert.Equal("Accueil du soir : choisissez au moins un jour de fonctionnement.",
            Assert.Throws<InvalidRulesException>(() => ServiceSchedule.Create(SchoolService.EveningCare, [])).Message);
}

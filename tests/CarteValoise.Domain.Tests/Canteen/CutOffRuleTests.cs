using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class CutOffRuleTests
{
    private static readonly TimeOnly Noon = new(12, 0);

    [Theory]
    [InlineData("2026-12-03", false, "2026-12-01T11:00:00Z")] // Thursday meal: Tuesday 12:00, winter time
    [InlineData("2026-12-07", false, "2026-12-03T11:00:00Z")] // Monday meal: the Thursday before
    [InlineData("2026-11-02", false, "2026-10-29T11:00:00Z")] // rentrée after Toussaint: after the clocks went back
    [InlineData("2026-11-02", true, "2026-10-15T10:00:00Z")] // holidays not counted: before, in summer time
    [InlineData("2027-03-30", false, "2027-03-25T11:00:00Z")] // Easter Monday skipped, still winter time
    [InlineData("2027-04-01", false, "2027-03-30T10:00:00Z")] // after the clocks went forward
    public void Two_working_days_before_at_noon(string meal, bool holidaysOff, string deadline) =>
        Assert.Equal(Utc(deadline), new WorkingDaysBeforeCutOff(2, Noon, holidaysOff).DeadlineFor(Day(meal), Year));

    [Theory]
    [InlineData("2026-12-07", "2026-12-03T08:00:00Z")] // Monday
    [InlineData("2026-12-11", "2026-12-03T08:00:00Z")] // Friday of the same week: same moment
    [InlineData("2026-12-03", "2026-11-26T08:00:00Z")] // Thursday: the Thursday of the week before
    [InlineData("2026-11-02", "2026-10-29T08:00:00Z")] // in the holidays, after the clocks went back
    [InlineData("2027-04-01", "2027-03-25T08:00:00Z")]
    public void Thursday_nine_for_the_next_week(string meal, string deadline) =>
        Assert.Equal(Utc(deadline), new WeeklyCutOff(DayOfWeek.Thursday, new TimeOnly(9, 0)).DeadlineFor(Day(meal), Year));

    [Fact]
    public void A_weekly_cut_off_in_the_hour_that_does_not_exist_is_read_after_the_jump() =>
        Assert.Equal(Utc("2027-03-28T01:30:00Z"), new WeeklyCutOff(DayOfWeek.Sunday, new TimeOnly(2, 30)).DeadlineFor(Day("2027-04-01"), Year));

    [Theory]
    [InlineData("2026-12-07", "2026-12-06T17:00:00Z")] // a Monday meal closes on Sunday
    [InlineData("2027-03-29", "2027-03-28T16:00:00Z")] // the evening of the night the clocks went forward
    [InlineData("2027-03-31", "2027-03-30T16:00:00Z")]
    [InlineData("2026-10-26", "2026-10-25T17:00:00Z")] // the evening the clocks went back
    public void The_day_before_at_six(string meal, string deadline) =>
        Assert.Equal(Utc(deadline), new DayBeforeCutOff(new TimeOnly(18, 0)).DeadlineFor(Day(meal), Year));

    [Theory]
    [InlineData("2 jours ouvrés avant à 12:00")]
    [InlineData("1 jour ouvré avant à 09:30")]
    [InlineData("3 jours ouvrés avant à 10:00, vacances scolaires non comptées")]
    [InlineData("le jeudi à 09:00 pour la semaine suivante")]
    [InlineData("la veille à 18:00")]
    public void A_rule_reads_back_from_its_description(string text)
    {
        var rule = CutOffRule.Parse(text);
        Assert.Equal(text, rule.Description);
        Assert.Equal(rule, CutOffRule.Parse(rule.Description));
    }

    [Fact]
    public void Rules_are_read_as_communes_type_them()
    {
        Assert.Equal(new WorkingDaysBeforeCutOff(2, Noon, false), CutOffRule.Parse(" 2  jours ouvrés avant, à 12h "));
        Assert.Equal(new WorkingDaysBeforeCutOff(3, new TimeOnly(10, 30), true), CutOffRule.Parse("3 jours ouvrés avant à 10h30, vacances scolaires non comptées"));
        Assert.Equal(new WeeklyCutOff(DayOfWeek.Thursday, new TimeOnly(9, 0)), CutOffRule.Parse("Le jeudi à 9h pour la semaine suivante"));
        Assert.Equal(new DayBeforeCutOff(new TimeOnly(18, 0)), CutOffRule.Parse("La veille à 18h00"));
    }

    [Theory]
    [InlineData("la veille")]
    [InlineData("la veille à 25:00")]
    [InlineData("la veille à 18:5")]
    [InlineData("0 jour ouvré avant à 12:00")]
    [InlineData("21 jours ouvrés avant à 12:00")]
    [InlineData("le jeudredi à 09:00 pour la semaine suivante")]
    [InlineData("")]
    public void Anything_else_is_refused_with_examples(string text)
    {
        Assert.False(CutOffRule.TryParse(text, out _));
        Assert.Equal(
            $"« {text} » n'est pas un délai reconnu. Écrivez par exemple « 2 jours ouvrés avant à 12:00 », « 2 jours ouvrés avant à 12:00, vacances scolaires non comptées », « le jeudi à 09:00 pour la semaine suivante » ou « la veille à 18:00 ».",
            Assert.Throws<InvalidRulesException>(() => CutOffRule.Parse(text)).Message);
    }

    [Fact]
    public void A_delay_out_of_range_says_so() =>
        Assert.Equal("Le délai de réservation doit être compris entre 1 et 20 jours ouvrés (0 saisi).",
            Assert.Throws<InvalidRulesException>(() => new WorkingDaysBeforeCutOff(0, Noon, false)).Message);
}

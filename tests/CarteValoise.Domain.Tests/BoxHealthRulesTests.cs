using CarteValoise.Domain.Boxes;

namespace CarteValoise.Domain.Tests;

public sealed class BoxHealthRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 11, 0, 0, TimeSpan.Zero);
    private static readonly BoxHealthThresholds Thresholds = BoxHealthThresholds.Default;

    [Fact]
    public void A_box_that_speaks_and_keeps_up_is_fine() =>
        Assert.Equal((BoxHealthState.Ok, ""), BoxHealthRules.Assess(true, new(Now.AddSeconds(-20), 3, Now.AddSeconds(-2)), Now, Thresholds));

    [Fact]
    public void A_box_not_heard_from_for_longer_than_the_threshold_is_silent()
    {
        var (state, reason) = BoxHealthRules.Assess(true, new(Now.AddMinutes(-7), 0, null), Now, Thresholds);
        Assert.Equal(BoxHealthState.Silent, state);
        Assert.Equal("Aucune nouvelle depuis 7 min.", reason);
        Assert.Equal(BoxHealthState.Silent, BoxHealthRules.Assess(true, null, Now, Thresholds).State);
    }

    [Fact]
    public void Taps_waiting_too_long_or_too_many_make_a_box_backlogged()
    {
        var (state, reason) = BoxHealthRules.Assess(true, new(Now.AddSeconds(-10), 12, Now.AddMinutes(-25)), Now, Thresholds);
        Assert.Equal(BoxHealthState.Backlogged, state);
        Assert.Equal("12 passage(s) en attente, le plus ancien depuis 25 min.", reason);
        Assert.Equal(BoxHealthState.Backlogged, BoxHealthRules.Assess(true, new(Now.AddSeconds(-10), 501, Now.AddSeconds(-30)), Now, Thresholds).State);
    }

    [Fact]
    public void A_box_not_yet_enrolled_awaits_its_code() =>
        Assert.Equal(BoxHealthState.AwaitingEnrolment, BoxHealthRules.Assess(false, null, Now, Thresholds).State);

    [Theory]
    [InlineData("abcde-fghjk", "ABCDEFGHJK")]
    [InlineData(" ABCDE FGHJK ", "ABCDEFGHJK")]
    [InlineData("ABCDE-FGHJ0", null)] // 0 is not in the alphabet (looks like O)
    [InlineData("ABCD-EFGH", null)]
    [InlineData("", null)]
    public void Enrolment_codes_are_read_as_typed(string typed, string? expected) =>
        Assert.Equal(expected, EnrolmentCode.Normalise(typed));

    [Fact]
    public void A_new_enrolment_code_reads_back_as_itself() =>
        Assert.NotNull(EnrolmentCode.Normalise(EnrolmentCode.New()));
}

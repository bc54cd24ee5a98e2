using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Roster;

namespace CarteValoise.Edge.Tests.Decisions;

public class TapDeciderTests
{
    private static readonly RosterChild Lea = new("04A1B2C3", "child-lea", "Léa", CanteenToday: true, AllergyPlan: false, Blocked: false);

    [Fact]
    public void A_child_expected_today_and_not_yet_served_eats() =>
        Assert.Equal(Decision.Accepted, TapDecider.Decide(Lea, rosterIsForThatDay: true, alreadyServedToday: false));

    [Fact]
    public void A_child_already_served_today_is_refused() =>
        Assert.Equal(Decision.AlreadyServed, TapDecider.Decide(Lea, rosterIsForThatDay: true, alreadyServedToday: true));

    [Fact]
    public void A_child_not_expected_today_is_refused() =>
        Assert.Equal(Decision.NotExpected, TapDecider.Decide(Lea with { CanteenToday = false }, rosterIsForThatDay: true, alreadyServedToday: false));

    [Fact]
    public void A_card_not_in_the_roster_is_unknown() =>
        Assert.Equal(Decision.UnknownCard, TapDecider.Decide(null, rosterIsForThatDay: true, alreadyServedToday: false));

    [Fact]
    public void A_blocked_card_is_refused_whatever_else_holds() =>
        Assert.Equal(Decision.BlockedCard, TapDecider.Decide(Lea with { Blocked = true }, rosterIsForThatDay: true, alreadyServedToday: false));

    [Fact]
    public void With_a_roster_of_another_day_the_box_lets_the_child_eat_once() 
    {
        var notExpectedThatDay = Lea with { CanteenToday = false };
        Assert.Equal(Decision.Accepted, TapDecider.Decide(notExpectedThatDay, rosterIsForThatDay: false, alreadyServedToday: false));
        Assert.Equal(Decision.AlreadyServed, TapDecider.Decide(notExpectedThatDay, rosterIsForThatDay: false, alreadyServedToday: true));
    }
}

using CarteValoise.Edge.Roster;

namespace CarteValoise.Edge.Decisions;

/// <summary>
/// The canteen's rule at the reader: an unknown or blocked card is refused; a child not expected
/// today is refused; a child already served today at this box is refused; anyone else eats.
/// </summary>
public static class TapDecider
{
    /// <param name="child">The roster entry of the card, or null when the card is unknown.</param>
    /// <param name="rosterIsForThatDay">
    /// Whether the roster's canteen flags are those of the tap's day. When they are not (the box
    /// has been offline since an earlier day) the box cannot know who is expected, and it lets the
    /// child eat rather than refuse a meal because the network is down; the cloud sees every tap.
    /// </param>
    /// <param name="alreadyServedToday">Whether this child already got a meal today at this box.</param>
    public static Decision Decide(RosterChild? child, bool rosterIsForThatDay, bool alreadyServedToday)
    {
        if (child is null) return Decision.UnknownCard;
        if (child.Blocked) return Decision.BlockedCard;
        if (rosterIsForThatDay && !child.CanteenToday) return Decision.NotExpected;
        if (alreadyServedToday) return Decision.AlreadyServed;
        return Decision.Accepted;
    }
}

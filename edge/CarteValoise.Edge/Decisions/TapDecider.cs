using CarteValoise.Edge.Roster;

namespace CarteValoise.Edge.Decisions;

/// <summary>
/// The rules at the reader. Canteen: an unknown or blocked card is refused; a child not expected
/// today is refused; a child already served today at this box is refused; anyone else eats.
/// Périscolaire: the same refusals of unknown, blocked and not-enrolled children; anyone else is
/// checked in, or out when already in.
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

    /// <param name="child">The roster entry of the card, or null when the card is unknown.</param>
    /// <param name="rosterIsForThatDay">As for the canteen: an old roster cannot say who is expected, so the child is let in.</param>
    /// <param name="checkedIn">Whether the child is at the périscolaire now (checked in and not out today).</param>
    /// <returns>The decision, and what the tap is: a departure when the child is in, an arrival otherwise.</returns>
    public static (Decision Decision, TapService Service) DecideCare(RosterChild? child, bool rosterIsForThatDay, bool checkedIn)
    {
        var service = checkedIn ? TapService.CareCheckOut : TapService.CareCheckIn;
        if (child is null) return (Decision.UnknownCard, service);
        if (child.Blocked) return (Decision.BlockedCard, service);
        // A child already in always gets out, even if the flags changed meanwhile: a child is never kept in.
        if (!checkedIn && rosterIsForThatDay && !child.CareToday) return (Decision.NotExpected, service);
        return (Decision.Accepted, service);
    }
}

namespace CarteValoise.Grains.Children;

/// <summary>A child, keyed by a pseudonymous id: enrolment, card, reservations, and the taps the boxes reported.</summary>
public interface IChildGrain : IGrainWithStringKey
{
    /// <summary>
    /// Enrols the child or updates the enrolment, and carries it everywhere it is needed, each step
    /// idempotent: the family's list of children, the commune's families, the card's holder, the school's roster.
    /// </summary>
    Task Enrol(ChildProfile profile);
    Task<ChildProfile?> GetProfile();
    /// <summary>
    /// Applies the child's taps of one batch once, however often they are sent: each is kept; the first
    /// accepted canteen tap of a day is the meal, the first accepted check-in of a care session is that
    /// session; each is charged to the family (prepaid communes) and the meal counted for the school day.
    /// </summary>
    Task RecordTaps(IReadOnlyList<ChildTap> taps);
    /// <summary>Persists what taps changed, here and in the family and school days they reached.</summary>
    Task Flush();
    /// <summary>The child's taps of one Europe/Paris day, in reading order.</summary>
    Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day);
    /// <summary>The child's taps from <paramref name="first"/> to <paramref name="last"/> (Paris days, inclusive), in reading order.</summary>
    Task<IReadOnlyList<ChildTapRecord>> GetTapsBetween(DateOnly first, DateOnly last);

    /// <summary>
    /// Reserves or cancels days under the commune's rules in force (cut-offs, calendar, balance floor)
    /// at the current time: all applied in one write, or none when one is refused. An operation id
    /// already applied returns its first result and changes nothing.
    /// </summary>
    Task<ReservationResult> ChangeReservations(string operationId, IReadOnlyList<ReservationChange> changes, string requestedBy);
    /// <summary>Every service of the commune for each day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    Task<ChildCalendar> GetCalendar(DateOnly first, DateOnly last);
    /// <summary>What the child took and had reserved in the month starting <paramref name="monthStart"/>.</summary>
    Task<ChildMonthUses> GetMonthUses(DateOnly monthStart);

    /// <summary>Gives the child a card (a first one, or a replacement: the former card leaves every box's roster).</summary>
    Task IssueCard(string cardUid);
    /// <summary>Blocks the child's card at every box from the next roster sync; idempotent.</summary>
    Task ReportCardLost();
}

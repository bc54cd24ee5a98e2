using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Families;

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
    /// <summary>
    /// Applies the taps as <see cref="RecordTaps"/> does and has the child's state on storage when it
    /// returns, whatever this activation held before (a fresh one applies them again); answers the
    /// charges and the meals all these taps call for, first seen or not, for the caller to carry to the
    /// family and the school days. Reaches no other grain.
    /// </summary>
    Task<TapEffects> RecordTapsDurably(IReadOnlyList<ChildTap> taps);
    /// <summary>
    /// Persists what taps changed, here and in the family and school days they reached, as far as this
    /// activation knows (what a lost activation held is lost to it: a box's checkpoint does not rely on it).
    /// </summary>
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

/// <summary>What a child's taps call for beyond the child: the family's charges and the school days' meals.</summary>
[GenerateSerializer, Immutable]
public sealed record TapEffects(
    [property: Id(0)] string FamilyId,
    [property: Id(1)] IReadOnlyList<ServiceChargeOperation> Charges,
    [property: Id(2)] IReadOnlyList<MealTaken> Meals);

using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;

namespace CarteValoise.Grains.Schools;

/// <summary>A school and the roster its reader boxes decide from, keyed by school id.</summary>
public interface ISchoolGrain : IGrainWithStringKey
{
    Task Configure(SchoolProfile profile);
    Task<SchoolProfile?> GetProfile();
    /// <summary>Puts the child on the roster or updates their entry; called by the child's enrolment (IChildGrain.Enrol), nobody else.</summary>
    Task EnrolChild(RosterChild child);
    /// <summary>The roster for <paramref name="day"/>, or Changed=false when the box already holds <paramref name="knownVersion"/>.</summary>
    Task<RosterSnapshot> GetRoster(long knownVersion, DateOnly day);
    /// <summary>
    /// Single-day reservations and cancellations of one child, over the standing days: what the
    /// roster's "expected today" and the count page's forecast follow. Each change is how that day
    /// stands now for the child (the child grain sends states, never deltas), so a resend is harmless;
    /// a change that leaves the day as it was bumps nothing. Days more than a week old are pruned.
    /// </summary>
    Task SetReservations(string childId, IReadOnlyList<ReservationChange> changes);
    /// <summary>
    /// Every child of the school for one service on one day, with whether they are reserved. The school
    /// does not know the calendar: whether the service runs that day is the commune's rules' answer.
    /// For a day more than a week old, the child's own record (IChildGrain.GetMonthUses) is the truth.
    /// </summary>
    Task<IReadOnlyList<PlannedChild>> GetDayPlan(DateOnly day, SchoolService service);
    /// <summary>The child left the school (moved to another one): off the plans, and the card off every box's roster. Idempotent.</summary>
    Task RemoveChild(string childId);
}

using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;

namespace CarteValoise.Grains.Schools;

/// <summary>A school and the roster its reader boxes decide from, keyed by school id.</summary>
public interface ISchoolGrain : IGrainWithStringKey
{
    Task Configure(SchoolProfile profile);
    Task<SchoolProfile?> GetProfile();
    Task EnrolChild(RosterChild child);
    /// <summary>The roster for <paramref name="day"/>, or Changed=false when the box already holds <paramref name="knownVersion"/>.</summary>
    Task<RosterSnapshot> GetRoster(long knownVersion, DateOnly day);
    /// <summary>
    /// Single-day reservations and cancellations of one child, over the standing days: what the
    /// roster's "expected today" and the count page's forecast follow. Idempotent.
    /// </summary>
    Task SetReservations(string childId, IReadOnlyList<ReservationChange> changes);
    /// <summary>Every child of the school for one service on one day, with whether they are reserved.</summary>
    Task<IReadOnlyList<PlannedChild>> GetDayPlan(DateOnly day, SchoolService service);
}

using CarteValoise.Domain.Canteen;

namespace CarteValoise.Grains.Children;

/// <summary>
/// A child as the commune enrolled them. <see cref="StandingReservations"/> are the weekdays the
/// family signed up for each service at enrolment (the inscription régulière); a parent then
/// reserves or cancels single days. <see cref="AllergyPlan"/>: the child has a PAI;
/// <see cref="PaiHomeMeal"/>: under it the child brings a home meal (reduced canteen price).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChildProfile(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string SchoolId,
    [property: Id(4)] string FirstName,
    [property: Id(5)] string LastName,
    [property: Id(6)] string CardUid,
    [property: Id(7)] DateOnly? BirthDate = null,
    [property: Id(8)] string Class = "",
    [property: Id(9)] bool AllergyPlan = false,
    [property: Id(10)] bool PaiHomeMeal = false,
    [property: Id(11)] IReadOnlyList<StandingReservation>? StandingReservations = null,
    [property: Id(12)] CardStatus CardStatus = CardStatus.Active);

/// <summary>The weekdays a child is signed up for one service, every week the service runs.</summary>
[GenerateSerializer, Immutable]
public sealed record StandingReservation([property: Id(0)] SchoolService Service, [property: Id(1)] IReadOnlyList<DayOfWeek> Days);

/// <summary>Active: the card works. Lost: reported lost, refused at every box from the next roster sync. None: no card issued yet.</summary>
public enum CardStatus { Active = 0, Lost = 1, None = 2 }

public enum TapService { Canteen = 0, CareCheckIn = 1, CareCheckOut = 2 }

/// <summary>A tap as the child's record keeps it; <see cref="Meal"/> marks the one tap that counted as the day's meal.</summary>
[GenerateSerializer, Immutable]
public sealed record ChildTapRecord(
    [property: Id(0)] string TapId,
    [property: Id(1)] DateTimeOffset ReadAt,
    [property: Id(2)] string SchoolId,
    [property: Id(3)] bool Meal,
    [property: Id(4)] TapService Service = TapService.Canteen);

/// <summary>
/// A card read at a box, identified by "boxId:sequence" so that a replay is recognised.
/// <see cref="Served"/> is the box's decision that the child was let through (accepted).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChildTap(
    [property: Id(0)] string TapId,
    [property: Id(1)] DateTimeOffset ReadAt,
    [property: Id(2)] string SchoolId,
    [property: Id(3)] TapService Service,
    [property: Id(4)] bool Served);

/// <summary>Reserve (true) or cancel (false) one service on one day.</summary>
[GenerateSerializer, Immutable]
public sealed record ReservationChange(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] SchoolService Service,
    [property: Id(2)] bool Reserved);

/// <summary>A change as decided: <see cref="Refusal"/> is null when it was allowed, else the sentence the parent reads.</summary>
[GenerateSerializer, Immutable]
public sealed record ReservationOutcome(
    [property: Id(0)] ReservationChange Change,
    [property: Id(1)] string? Refusal);

/// <summary>
/// The answer to a set of changes, applied all together or not at all: <see cref="Applied"/> is false
/// as soon as one change is refused, and then nothing was written.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReservationResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] IReadOnlyList<ReservationOutcome> Outcomes);

/// <summary>A single-day exception to the standing reservations, kept with who made it and when.</summary>
[GenerateSerializer, Immutable]
public sealed record ReservationRecord(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] SchoolService Service,
    [property: Id(2)] bool Reserved,
    [property: Id(3)] DateTimeOffset ChangedAt,
    [property: Id(4)] string ChangedBy,
    [property: Id(5)] string OperationId);

/// <summary>
/// One service on one day of a child's calendar, as the parent's page shows it: whether it runs
/// (else why not), whether it is reserved, whether it was taken (from the taps), and whether the
/// parent may still change it (else why not, with the deadline that applied).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CalendarCell(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] SchoolService Service,
    [property: Id(2)] bool Runs,
    [property: Id(3)] string? ClosedReason,
    [property: Id(4)] bool Reserved,
    [property: Id(5)] bool Taken,
    [property: Id(6)] bool CanChange,
    [property: Id(7)] string? WhyNotChangeable,
    [property: Id(8)] DateTimeOffset? Deadline);

[GenerateSerializer, Immutable]
public sealed record ChildCalendar(
    [property: Id(0)] ChildProfile Child,
    [property: Id(1)] IReadOnlyList<CalendarCell> Cells);

/// <summary>What a month's invoice needs from one child: the uses taken (from taps) and reserved (once cancellations closed).</summary>
[GenerateSerializer, Immutable]
public sealed record ChildMonthUses(
    [property: Id(0)] ChildProfile Child,
    [property: Id(1)] IReadOnlyList<ServiceUseRecord> Taken,
    [property: Id(2)] IReadOnlyList<ServiceUseRecord> Reserved);

[GenerateSerializer, Immutable]
public sealed record ServiceUseRecord([property: Id(0)] DateOnly Day, [property: Id(1)] SchoolService Service);

using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Reservations;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Schools;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Reservations;

/// <summary>
/// A child's calendar of school services and the reservations a parent makes in it. The parents of
/// the child's family and the agents of its commune may read it and change it; a kiosk session of the
/// family may only read it. Anyone else is refused, and the attempt goes to the family's access log.
/// The cut-offs, the calendar and the balance floor are the child grain's to decide.
/// </summary>
public sealed class ReservationsService(
    IGrainFactory grains,
    CallerResolver callers,
    AccessLog accessLog,
    TimeProvider time) : Contracts.Reservations.Reservations.ReservationsBase
{
    /// <summary>The calendar asked with no end: four weeks from its first day.</summary>
    private const int DefaultCalendarDays = 28;

    public override async Task<ChildCalendarReply> GetChildCalendar(ChildCalendarRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var child = await RequireChild(caller, request.ChildId, "calendrier des réservations", mayChange: false);
        var (first, last) = Period(request.From, request.To);
        var rulesTask = grains.GetGrain<ICommuneGrain>(child.CommuneCode).GetCanteenRules();
        var schoolTask = grains.GetGrain<ISchoolGrain>(child.SchoolId).GetProfile();
        ChildCalendar calendar;
        try
        {
            calendar = await grains.GetGrain<IChildGrain>(child.ChildId).GetCalendar(first, last);
        }
        catch (ArgumentException refused)
        {
            // The grain's limits (a period the wrong way round, or longer than a calendar page): nothing read.
            throw WireErrors.InvalidArgument(refused.Message);
        }
        if (AccessRules.MustLogRead(caller))
            await accessLog.RecordRead(caller, child.FamilyId, $"calendrier des réservations de {child.FirstName}", "consultation");
        var rules = (await rulesTask).Rules.ToDomain();

        var reply = new ChildCalendarReply
        {
            ChildId = child.ChildId,
            FirstName = child.FirstName,
            LastName = child.LastName,
            SchoolName = (await schoolTask)?.Name ?? child.SchoolId,
            ReservationCutOff = rules.ReservationCutOff.Description,
            CancellationCutOff = rules.CancellationCutOff.Description,
        };
        reply.Days.AddRange(calendar.Cells.GroupBy(c => c.Day).OrderBy(d => d.Key).Select(day =>
        {
            var wire = new CalendarDay { Date = WireDates.Format(day.Key) };
            wire.Services.AddRange(day.OrderBy(c => c.Service).Select(ToWire));
            return wire;
        }));
        return reply;
    }

    public override async Task<ChangeReservationsReply> ChangeReservations(ChangeReservationsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var child = await RequireChild(caller, request.ChildId, "réservations", mayChange: true);
        var changes = Changes(request);
        if (AccessRules.MustLogRead(caller))
            await accessLog.RecordRead(caller, child.FamilyId, $"réservations de {child.FirstName}", "modification");

        ReservationResult result;
        try
        {
            result = await grains.GetGrain<IChildGrain>(child.ChildId).ChangeReservations(request.OperationId.Trim(), changes, SignedBy.Of(caller));
        }
        catch (ArgumentException refused)
        {
            // The grain's own limits (too many changes in one request): the request's fault, nothing applied.
            throw WireErrors.InvalidArgument(refused.Message);
        }
        var reply = new ChangeReservationsReply { Applied = result.Applied };
        reply.Outcomes.AddRange(result.Outcomes.Select(o => new ReservationChangeOutcome
        {
            Change = new ReservationChangeItem { Date = WireDates.Format(o.Change.Day), Service = o.Change.Service.ToWire(), Reserved = o.Change.Reserved },
            Refusal = o.Refusal ?? "",
        }));
        return reply;
    }

    /// <summary>
    /// The child, once the caller may act for them. An unknown child and another family's child look
    /// the same to the caller (no existence leak); a refusal for a real child is logged for its family.
    /// </summary>
    private async Task<ChildProfile> RequireChild(Caller caller, string childId, string what, bool mayChange)
    {
        var child = string.IsNullOrWhiteSpace(childId) ? null : await grains.GetGrain<IChildGrain>(childId.Trim()).GetProfile();
        if (child is null || !AccessRules.CanReadFamily(caller, child.FamilyId, child.CommuneCode))
        {
            if (child is not null) await accessLog.RecordRefusal(caller, child.FamilyId, what);
            throw WireErrors.PermissionDenied("Accès refusé : cet enfant n'est pas rattaché à votre compte.");
        }
        if (mayChange && caller.Role == CallerRole.KioskFamily)
        {
            await accessLog.RecordRefusal(caller, child.FamilyId, what);
            throw WireErrors.PermissionDenied("Les réservations ne se modifient pas à la borne : faites-le depuis le portail.");
        }
        return child;
    }

    private (DateOnly First, DateOnly Last) Period(string from, string to)
    {
        var problems = new List<string>();
        var first = string.IsNullOrWhiteSpace(from) ? ServiceDay.Today(time) : Read(from, problems);
        var last = string.IsNullOrWhiteSpace(to) ? first.AddDays(DefaultCalendarDays - 1) : Read(to, problems);
        if (problems.Count > 0) throw WireErrors.InvalidArgument(problems);
        return (first, last);
    }

    /// <summary>Every change read, or INVALID_ARGUMENT listing each malformed one: nothing reaches the child grain half-read.</summary>
    private static List<ReservationChange> Changes(ChangeReservationsRequest request)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.OperationId))
            problems.Add("Identifiant d'opération manquant : la demande ne pourrait pas être renvoyée sans risque d'être appliquée deux fois.");
        if (request.Changes.Count == 0) problems.Add("Aucun jour à réserver ou à annuler.");
        var changes = new List<ReservationChange>();
        foreach (var item in request.Changes)
        {
            var day = Read(item.Date, problems);
            if (item.Service.ToDomainOrNull() is { } service) changes.Add(new ReservationChange(day, service, item.Reserved));
            else problems.Add(ServiceKinds.Problem(item.Service));
        }
        if (problems.Count > 0) throw WireErrors.InvalidArgument(problems);
        return changes;
    }

    private static DateOnly Read(string text, List<string> problems)
    {
        if (WireDates.TryParse(text.Trim(), out var day)) return day;
        problems.Add(WireDates.Problem(text));
        return default;
    }

    private static CalendarService ToWire(CalendarCell cell) => new()
    {
        Service = cell.Service.ToWire(),
        Runs = cell.Runs,
        ClosedReason = cell.ClosedReason ?? "",
        Reserved = cell.Reserved,
        Taken = cell.Taken,
        CanChange = cell.CanChange,
        WhyNotChangeable = cell.WhyNotChangeable ?? "",
        Deadline = cell.Deadline is { } deadline ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(deadline) : null,
    };
}

using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Children;

// The parents' reservations and cancellations, under the commune's rules in force.
public sealed partial class ChildGrain
{
    /// <summary>A request covers at most a few months of every service: more is a mistake, not a plan.</summary>
    public const int MaxChangesPerRequest = 500;

    private Dictionary<(DateOnly Day, SchoolService Service), ReservationRecord>? _reservationsByDay;

    private Dictionary<(DateOnly Day, SchoolService Service), ReservationRecord> ReservationsByDay =>
        _reservationsByDay ??= state.State.Reservations.ToDictionary(r => (r.Day, r.Service));

    public async Task<ReservationResult> ChangeReservations(string operationId, IReadOnlyList<ReservationChange> changes, string requestedBy)
    {
        if (string.IsNullOrWhiteSpace(operationId)) throw new ArgumentException("La demande n'a pas d'identifiant d'opération.");
        if (changes.Count == 0) throw new ArgumentException("Aucun jour à réserver ou à annuler dans la demande.");
        if (changes.Count > MaxChangesPerRequest)
            throw new ArgumentException($"Au plus {MaxChangesPerRequest} changements par demande ({changes.Count} reçus).");
        var profile = Enrolled;

        if (state.State.AppliedOperations.TryGetValue(operationId, out var done))
        {
            // The school may have missed it (the answer was lost on the way): tell it again how those days stand now.
            await TellSchool(done.Outcomes.Select(o => o.Change));
            return done;
        }

        var rules = await RulesInForce(profile);
        var now = time.GetUtcNow();
        var outcomes = new List<ReservationOutcome>(changes.Count);
        var effective = new List<ReservationChange>();
        var seen = new HashSet<(DateOnly, SchoolService)>();
        long? balance = null;
        foreach (var change in changes)
        {
            var refusal = !Enum.IsDefined(change.Service) ? $"Service inconnu ({(int)change.Service})."
                : !seen.Add((change.Day, change.Service)) ? $"{Capitalised(change.Service.ForDay(change.Day))} est demandé deux fois dans la même demande."
                : rules.WhyNotOn(change.Service, profile.SchoolId, change.Day);
            if (refusal is null && IsReserved(change.Day, change.Service) != change.Reserved)
            {
                var booking = rules.BookingFor(change.Service);
                var decision = change.Reserved ? booking.CanReserve(change.Day, now) : booking.CanCancel(change.Day, now);
                refusal = decision.Refusal;
                if (refusal is null && change.Reserved && rules.BillingMode == BillingMode.PrepaidBalance)
                {
                    balance ??= (await GrainFactory.GetGrain<IFamilyGrain>(profile.FamilyId).GetAccount()).BalanceCents;
                    refusal = rules.Prepaid.ReservationRefusal(balance.Value);
                }
                if (refusal is null) effective.Add(change);
            }
            outcomes.Add(new ReservationOutcome(change, refusal));
        }
        if (outcomes.Any(o => o.Refusal is not null)) return new ReservationResult(false, outcomes);

        var result = new ReservationResult(true, outcomes);
        var before = state.State.Reservations.ToList();
        foreach (var change in effective)
            SetReservation(new ReservationRecord(change.Day, change.Service, change.Reserved, now, requestedBy, operationId));
        state.State.AppliedOperations[operationId] = result;
        try
        {
            await Save();
        }
        catch
        {
            // Not durable, so not applied: the caller retries with the same operation id.
            state.State.Reservations = before;
            _reservationsByDay = null;
            state.State.AppliedOperations.Remove(operationId);
            throw;
        }
        await TellSchool(changes);
        return result;
    }

    /// <summary>The single day's change when there is one, else the standing weekdays (whether the service runs aside).</summary>
    private bool IsReserved(DateOnly day, SchoolService service) =>
        ReservationsByDay.TryGetValue((day, service), out var record)
            ? record.Reserved
            : StandingDays(Enrolled, service).Contains(day.DayOfWeek);

    private void SetReservation(ReservationRecord record)
    {
        var index = state.State.Reservations.FindIndex(r => r.Day == record.Day && r.Service == record.Service);
        if (index >= 0) state.State.Reservations[index] = record; else state.State.Reservations.Add(record);
        ReservationsByDay[(record.Day, record.Service)] = record;
    }

    /// <summary>How the days stand now, never the request itself: a late resend must not undo a later change.</summary>
    private Task TellSchool(IEnumerable<ReservationChange> days)
    {
        var now = days.Select(d => d with { Reserved = IsReserved(d.Day, d.Service) }).ToList();
        return GrainFactory.GetGrain<ISchoolGrain>(Enrolled.SchoolId).SetReservations(Enrolled.ChildId, now);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// Whether a parent may reserve or cancel one service on one day at a given instant: the service
/// must run that day, the day must not be past, and the request must come before the cut-off —
/// the reservation cut-off and the cancellation cut-off being separate rules.
/// </summary>
public sealed class BookingRules(SchoolCalendar calendar, ServiceSchedule schedule, CutOffRule reservationCutOff, CutOffRule cancellationCutOff)
{
    public SchoolCalendar Calendar { get; } = calendar;

    public ServiceSchedule Schedule { get; } = schedule;

    public CutOffRule ReservationCutOff { get; } = reservationCutOff;

    public CutOffRule CancellationCutOff { get; } = cancellationCutOff;

    /// <summary>«Réservation close depuis le mardi 1er décembre 2026 à 12:00 pour le repas du jeudi 3 décembre 2026.»</summary>
    public BookingDecision CanReserve(DateOnly serviceDay, DateTimeOffset requestedAt) =>
        Decide(serviceDay, requestedAt, ReservationCutOff, "Réservation", "de réserver");

    /// <summary>«Annulation close depuis le … pour le repas du …»</summary>
    public BookingDecision CanCancel(DateOnly serviceDay, DateTimeOffset requestedAt) =>
        Decide(serviceDay, requestedAt, CancellationCutOff, "Annulation", "d'annuler");

    private BookingDecision Decide(DateOnly serviceDay, DateTimeOffset requestedAt, CutOffRule cutOff, string act, string toDo)
    {
        if (Schedule.WhyNotOn(serviceDay, Calendar) is { } noService) return BookingDecision.Refuse(noService);
        var deadline = cutOff.DeadlineFor(serviceDay, Calendar);
        var what = Schedule.Service.ForDay(serviceDay);
        if (ServiceDay.Of(requestedAt) > serviceDay)
            return BookingDecision.Refuse($"Impossible {toDo} {what} : ce jour est passé.", deadline);
        if (requestedAt >= deadline)
            return BookingDecision.Refuse($"{act} close depuis le {FrenchText.DayAndTime(deadline)} pour {what}.", deadline);
        return BookingDecision.Allow(deadline);
    }
}

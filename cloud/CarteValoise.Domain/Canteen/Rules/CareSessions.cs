using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// Which care session a card read in périscolaire mode belongs to, from the Paris wall clock: a
/// Wednesday is Wednesday care all day; otherwise a read before noon is the morning care, from noon
/// on the evening care (the canteen is counted by its own taps, never by this).
/// </summary>
public static class CareSessions
{
    public static readonly TimeOnly Noon = new(12, 0);

    public static SchoolService SessionOf(DateTimeOffset readAt)
    {
        var paris = ServiceDay.ToParisTime(readAt);
        if (paris.DayOfWeek == DayOfWeek.Wednesday) return SchoolService.WednesdayCare;
        return TimeOnly.FromDateTime(paris.DateTime) < Noon ? SchoolService.MorningCare : SchoolService.EveningCare;
    }
}

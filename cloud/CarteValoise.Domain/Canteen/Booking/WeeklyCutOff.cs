namespace CarteValoise.Domain.Canteen;

/// <summary>
/// «le jeudi à 09:00 pour la semaine suivante»: every day of a week (Monday to Sunday) closes at
/// the same moment, on the given weekday of the week before. The day is taken as written, even
/// when it falls on a public holiday: it is a moment, not a working day.
/// </summary>
public sealed record WeeklyCutOff : CutOffRule
{
    public WeeklyCutOff(DayOfWeek day, TimeOnly at)
    {
        Day = day;
        At = at;
    }

    public DayOfWeek Day { get; }

    public TimeOnly At { get; }

    public override DateTimeOffset DeadlineFor(DateOnly serviceDay, SchoolCalendar calendar)
    {
        var monday = serviceDay.AddDays(-DaysSinceMonday(serviceDay.DayOfWeek));
        return ParisClock.At(monday.AddDays(-7 + DaysSinceMonday(Day)), At);
    }

    public override string Description => $"le {FrenchText.Weekday(Day)} à {FrenchText.Time(At)} pour la semaine suivante";

    private static int DaysSinceMonday(DayOfWeek day) => ((int)day + 6) % 7;
}

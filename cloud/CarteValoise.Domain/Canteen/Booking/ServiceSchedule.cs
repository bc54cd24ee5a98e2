namespace CarteValoise.Domain.Canteen;

/// <summary>
/// The weekdays a service runs (the canteen on Monday, Tuesday, Thursday and Friday; Wednesday
/// care on Wednesdays), never on a public holiday, in school holidays or outside the school year.
/// </summary>
public sealed class ServiceSchedule
{
    private ServiceSchedule(SchoolService service, IReadOnlySet<DayOfWeek> days)
    {
        Service = service;
        Days = days;
    }

    public SchoolService Service { get; }

    public IReadOnlySet<DayOfWeek> Days { get; }

    public static ServiceSchedule Create(SchoolService service, IEnumerable<DayOfWeek> days)
    {
        var set = days.ToHashSet();
        if (set.Count == 0)
            throw new InvalidRulesException([$"{service.Label()} : choisissez au moins un jour de fonctionnement."]);
        return new ServiceSchedule(service, set);
    }

    /// <summary>What most communes run: the four-day week for the canteen and care, Wednesdays for Wednesday care.</summary>
    public static ServiceSchedule Usual(SchoolService service) => Create(service,
        service == SchoolService.WednesdayCare ? [DayOfWeek.Wednesday] : SchoolCalendar.FourDayWeek);

    public bool RunsOn(DateOnly day, SchoolCalendar calendar) => WhyNotOn(day, calendar) is null;

    /// <summary>
    /// Null when the service runs that day; otherwise the reason a parent reads:
    /// «Pas de cantine le mercredi 11 novembre 2026 : jour férié (Armistice 1918).»
    /// </summary>
    public string? WhyNotOn(DateOnly day, SchoolCalendar calendar)
    {
        var closed = calendar.WhyClosed(day);
        if (closed is not null) return $"{Service.NoService()} le {FrenchText.Day(day)} : {closed}.";
        if (!Days.Contains(day.DayOfWeek))
            return $"{Service.NoService()} le {FrenchText.Day(day)} : ce service ne fonctionne pas le {FrenchText.Weekday(day.DayOfWeek)}.";
        return null;
    }

    /// <summary>The days the service runs from <paramref name="first"/> to <paramref name="last"/> inclusive: a month's grid, a week to reserve.</summary>
    public IEnumerable<DateOnly> DaysBetween(DateOnly first, DateOnly last, SchoolCalendar calendar)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
            if (RunsOn(day, calendar)) yield return day;
    }
}

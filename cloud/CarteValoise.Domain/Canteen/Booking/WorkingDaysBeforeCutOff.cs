namespace CarteValoise.Domain.Canteen;

/// <summary>
/// «2 jours ouvrés avant à 12:00»: count back that many working days from the service day
/// (weekends and public holidays skipped, and school holidays too when the commune says so,
/// because its office or its caterer does not work then), and close at that time of that day.
/// A Thursday 3 December 2026 meal closes on Tuesday 1 December at 12:00.
/// </summary>
public sealed record WorkingDaysBeforeCutOff : CutOffRule
{
    public const int MaxWorkingDays = 20;

    public WorkingDaysBeforeCutOff(int workingDays, TimeOnly at, bool schoolHolidaysAreOff)
    {
        if (workingDays is < 1 or > MaxWorkingDays)
            throw new InvalidRulesException([$"Le délai de réservation doit être compris entre 1 et {MaxWorkingDays} jours ouvrés ({workingDays} saisi)."]);
        WorkingDays = workingDays;
        At = at;
        SchoolHolidaysAreOff = schoolHolidaysAreOff;
    }

    public int WorkingDays { get; }

    public TimeOnly At { get; }

    public bool SchoolHolidaysAreOff { get; }

    public override DateTimeOffset DeadlineFor(DateOnly serviceDay, SchoolCalendar calendar) =>
        ParisClock.At(calendar.WorkingDaysBefore(serviceDay, WorkingDays, SchoolHolidaysAreOff), At);

    public override string Description =>
        $"{WorkingDays} {(WorkingDays == 1 ? "jour ouvré" : "jours ouvrés")} avant à {FrenchText.Time(At)}"
        + (SchoolHolidaysAreOff ? ", vacances scolaires non comptées" : "");
}

namespace CarteValoise.Domain.Canteen;

/// <summary>«la veille à 18:00»: the calendar day before, whatever it is (a Monday meal closes on Sunday).</summary>
public sealed record DayBeforeCutOff : CutOffRule
{
    public DayBeforeCutOff(TimeOnly at) => At = at;

    public TimeOnly At { get; }

    public override DateTimeOffset DeadlineFor(DateOnly serviceDay, SchoolCalendar calendar) => ParisClock.At(serviceDay.AddDays(-1), At);

    public override string Description => $"la veille à {FrenchText.Time(At)}";
}

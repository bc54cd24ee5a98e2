using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// The instant a Paris wall clock shows a given time on a given day, for cut-offs written as
/// "à 12:00". Two nights a year need a rule: when the clocks go forward (02:00 → 03:00) a time
/// inside the gap is moved forward by the gap (02:30 is read 03:30); when they go back
/// (03:00 → 02:00) a time shown twice means its first occurrence, the earlier instant.
/// </summary>
public static class ParisClock
{
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = ServiceDay.Paris;
        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap carries the reading past it.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

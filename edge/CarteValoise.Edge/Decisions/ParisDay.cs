namespace CarteValoise.Edge.Decisions;

/// <summary>
/// Meals are counted per Europe/Paris day (a tap at 23:30 UTC on 31 March belongs to 1 April).
/// The cloud has the same rule in CarteValoise.Domain's ServiceDay; the box keeps its own copy
/// because it must not reference the cloud's projects.
/// </summary>
public static class ParisDay
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Of(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Wire and storage form: yyyy-MM-dd.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    // A trimmed system image may lack tzdata; the box must still count days right, so fall back
    // to the rule France has followed since 1996 (CET, CEST from the last Sunday of March to the
    // last Sunday of October).
    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var summer = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Paris", TimeSpan.FromHours(1), "Europe/Paris", "CET", "CEST", [summer]);
        }
    }
}
